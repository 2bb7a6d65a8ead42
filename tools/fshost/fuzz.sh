#!/bin/bash
# Mutation fuzzing of fs/ on the host: builds tools/fshost/fuzz.c with
# ASan/UBSan, makes small ext2 images with mke2fs -d (nested directories,
# a directory over several blocks, a file with double-indirect blocks) in
# the kernel's feature set, and runs the fuzzer on each.
#   usage: tools/fshost/fuzz.sh [ITERATIONS_PER_IMAGE [SEED]]
# Prints "fsfuzz: all iterations survived" and exits 0 on success.
set -u
cd "$(dirname "$0")/../.."
B=build/fshost-fuzz
ITERS=${1:-1500}
SEED=${2:-1}
rm -rf "$B" && mkdir -p "$B"

MKE2FS_FEATURES="none,filetype,sparse_super,large_file" # as run.sh and the Makefile

CFLAGS="-g -O1 -std=gnu11 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -Wall -Wextra -Werror -I."
SRCS="fs/bcache.c fs/ext2_super.c fs/ext2_layout.c fs/ext2_alloc.c fs/ext2_inode.c fs/ext2_dir.c fs/file.c"
tools/compdb.py record build/compdb/fsfuzz.json -- \
    cc $CFLAGS $SRCS tools/fshost/host.c tools/fshost/fuzz.c -lpthread -o $B/fuzz || exit 1

R=$B/root
mkdir -p $R/sub/deeper/a/b $R/sub/deeper/empty $R/many
seq 1 500 > $R/readme.txt
echo "in a subdirectory" > $R/sub/file.txt
echo "leaf" > $R/sub/deeper/a/b/leaf.txt
seq 1 60000 > $R/big.txt # 334 KiB: single and double indirect blocks with 1 KiB blocks
for i in $(seq -w 1 60); do echo "file $i" > $R/many/file-with-a-longer-name-$i; done

# image NAME BLOCK_SIZE BLOCKS BLOCKS_PER_GROUP INODE_SIZE
image() {
    mke2fs -q -F -t ext2 -O $MKE2FS_FEATURES -b "$2" -g "$4" -I "$5" -N 160 -d $R \
        "$B/$1.img" "$3" >&2 || { echo "fsfuzz: mke2fs $1 failed"; exit 1; }
}
image b1k 1024 4096 1024 256
image b4k 4096 2048 512 128
EXPORTED_ASAN="detect_leaks=0:abort_on_error=1:print_summary=1"

fail=0
for img in b1k b4k; do
    ASAN_OPTIONS=$EXPORTED_ASAN $B/fuzz $B/$img.img "$ITERS" "$SEED" || fail=1
done
if [ $fail -ne 0 ]; then
    echo "fsfuzz: FAILED"
    exit 1
fi
echo "fsfuzz: all iterations survived"
