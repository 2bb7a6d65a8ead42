#!/bin/bash
# Host test of fs/: builds the harness with ASan/UBSan, makes disk images
# the way the Makefile does (MBR; partition 1 ext2, partition 2 swap),
# runs tools/fshost/fstest on them, then checks each image with e2fsck,
# dumpe2fs and debugfs. Exits non-zero on any failure.
#   usage: tools/fshost/run.sh            (from anywhere)
set -u
cd "$(dirname "$0")/../.."
B=build/fshost
rm -rf "$B" && mkdir -p "$B"

# The feature set fs/ implements (fs/README.md): keep in sync with the Makefile.
MKE2FS_FEATURES="none,filetype,sparse_super,large_file"
FS_START=2048          # sectors: partition 1 starts at 1 MiB
OFFSET=$((FS_START * 512))
SWAP_MB=2

fail=0
note() { echo "== $*"; }
bad() { echo "FAIL: $*"; fail=1; }

CFLAGS="-g -O1 -std=gnu11 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -Wall -Wextra -Werror -I."
SRCS="fs/bcache.c fs/ext2_super.c fs/ext2_layout.c fs/ext2_alloc.c fs/ext2_inode.c fs/ext2_dir.c fs/file.c"
note "build (host, ASan+UBSan)"
tools/compdb.py record build/compdb/fshost.json -- \
    cc $CFLAGS $SRCS tools/fshost/host.c tools/fshost/fstest.c -lpthread -o $B/fstest || exit 1
note "build (kernel flags, freestanding)"
for f in $SRCS; do
    clang --target=x86_64-elf -ffreestanding -fno-stack-protector -fno-pic -mno-red-zone \
        -mcmodel=kernel -mgeneral-regs-only -fno-builtin -nostdlib -O2 -Wall -Wextra -Werror \
        -Wframe-larger-than=512 -I. -c "$f" -o "$B/$(basename "$f" .c).o" || bad "kernel build of $f"
done

# Root directory contents for mke2fs -d.
mkdir -p $B/root/sub
seq 1 2000 > $B/root/readme.txt
echo "in a subdirectory" > $B/root/sub/file.txt

# make_image IMG FS_MB MKE2FS_OPTS...: MBR with ext2 (type 83) + swap (82).
make_image() {
    local img=$1 fs_mb=$2; shift 2
    local fs_sectors=$((fs_mb * 2048))
    rm -f "$img"
    truncate -s $(( (1 + fs_mb + SWAP_MB) * 1024 * 1024 )) "$img"
    printf 'label: dos\nstart=%d, size=%d, type=83\nstart=%d, size=%d, type=82\n' \
        $FS_START $fs_sectors $((FS_START + fs_sectors)) $((SWAP_MB * 2048)) |
        sfdisk -q "$img" >/dev/null || return 1
    local bs=1024
    for ((i = 1; i <= $#; i++)); do [ "${!i}" = -b ] && { j=$((i + 1)); bs=${!j}; }; done
    mke2fs -q -F -t ext2 "$@" -d $B/root -E offset=$OFFSET "$img" $((fs_mb * 1024 * 1024 / bs)) >&2 ||
        return 1
    echo $fs_sectors
}

# check_image IMG NAME: e2fsck clean and state clean.
check_image() {
    local img=$1 name=$2
    e2fsck -fn "$img?offset=$OFFSET" > $B/$name.fsck 2>&1 || { bad "$name: e2fsck"; cat $B/$name.fsck; }
    dumpe2fs -h "$img?offset=$OFFSET" 2>/dev/null | grep -q '^Filesystem state: *clean$' ||
        bad "$name: dumpe2fs state not clean"
}

# compare_files IMG OUT NAME FILE...: debugfs cat /FILE == OUT/FILE (sha256).
compare_files() {
    local img=$1 out=$2 name=$3; shift 3
    for f in "$@"; do
        local path=/${f//_//}
        local want got
        want=$(sha256sum < "$out/$f" | cut -d' ' -f1)
        got=$(debugfs -R "cat $path" "$img?offset=$OFFSET" 2>/dev/null | sha256sum | cut -d' ' -f1)
        [ "$want" = "$got" ] || bad "$name: $path differs from what was written"
    done
}

run_config() {
    local name=$1; shift
    local img=$B/$name.img out=$B/$name.out
    mkdir -p "$out"
    note "$name: mke2fs $*"
    local sectors
    sectors=$(make_image "$img" 32 "$@") || { bad "$name: mke2fs"; return; }
    $B/fstest main "$img" $FS_START "$sectors" "$out" || bad "$name: fstest main"
    check_image "$img" "$name"
    cmp -s $B/root/readme.txt "$out/readme.txt.read" || bad "$name: /readme.txt read wrong"
    compare_files "$img" "$out" "$name" hello zeros big sparse a_b_c pagef t0 t1 t2 t3
    $B/fstest verify "$img" $FS_START "$sectors" "$out" || bad "$name: fstest verify"
    check_image "$img" "$name-verify"
    debugfs -R "cat /sub/file.txt" "$img?offset=$OFFSET" 2>/dev/null | cmp -s - $B/root/sub/file.txt ||
        bad "$name: /sub/file.txt damaged"
}

run_full() {
    local name=$1; shift
    local img=$B/$name.img out=$B/$name.out
    mkdir -p "$out"
    note "$name: mke2fs $* (small: disk full, inode exhaustion)"
    local sectors
    sectors=$(make_image "$img" 8 "$@") || { bad "$name: mke2fs"; return; }
    $B/fstest full "$img" $FS_START "$sectors" "$out" || bad "$name: fstest full"
    check_image "$img" "$name"
    compare_files "$img" "$out" "$name" keep fill
}

# refuse NAME FIELD_OFFSET HEX_BYTES ERR: patch the superblock, mount fails.
refuse() {
    local name=$1 off=$2 bytes=$3 err=$4
    local img=$B/refuse-$name.img
    cp $B/base.img "$img"
    printf "$bytes" | dd of="$img" bs=1 seek=$((OFFSET + 1024 + off)) conv=notrunc status=none
    $B/fstest refuse "$img" $FS_START "$BASE_SECTORS" "$err" > $B/refuse-$name.log 2>&1 ||
        { bad "refuse $name"; cat $B/refuse-$name.log; }
    grep -q "ext2: refusing to mount" $B/refuse-$name.log || bad "refuse $name: no message"
}

run_config b1k-i128 -O $MKE2FS_FEATURES -b 1024 -I 128
run_config b1k-i256 -O $MKE2FS_FEATURES -b 1024 -I 256
run_config b4k-i256 -O $MKE2FS_FEATURES -b 4096 -I 256
run_config b4k-i128 -O $MKE2FS_FEATURES -b 4096 -I 128
run_config rev0 -r 0 -b 1024
run_config defaults -b 1024
# Layouts mke2fs makes where metadata is not all at the start of a group:
# a RAID stride (bitmaps after the inode table, data in the gap), small
# groups, 2 KiB blocks, flex_bg (metadata packed into group 0), meta_bg
# (descriptor blocks in their meta groups), sparse_super2, no sparse_super.
run_config stride-1k -b 1024 -E stride=13 -g 1024
run_config stride-2k -b 2048 -E stride=7 -g 2048
run_config stride-4k -b 4096 -E stride=5,stripe_width=10 -g 8192
run_config flexbg -b 1024 -O flex_bg -G 8 -g 2048
run_config flexbg-packed -b 4096 -O flex_bg -E packed_meta_blocks=1 -g 1024
run_config metabg -b 1024 -O meta_bg,^resize_inode -g 256
run_config sparse2 -b 1024 -O sparse_super2 -E num_backup_sb=1 -g 1024
run_config nosparse -b 1024 -O ^sparse_super,^resize_inode -g 2048
run_full full-1k -O $MKE2FS_FEATURES -b 1024 -I 256 -N 200
run_full full-4k -O $MKE2FS_FEATURES -b 4096 -I 128 -N 100

note "refusals"
BASE_SECTORS=$(make_image $B/base.img 8 -O $MKE2FS_FEATURES -b 1024) || bad "base image"
refuse magic 56 '\x54\x45' -11           # s_magic
refuse extents 96 '\x42\x00\x00\x00' -14 # s_feature_incompat: filetype|extents
refuse huge-file 100 '\x0b\x00\x00\x00' -14 # s_feature_ro_compat: + huge_file
refuse uninit-bg 100 '\x13\x00\x00\x00' -14 # s_feature_ro_compat: + uninit_bg
refuse journal 92 '\x04\x00\x00\x00' -14 # s_feature_compat: has_journal
refuse block-size 24 '\x03\x00\x00\x00' -14 # s_log_block_size: 8 KiB (above the page)
refuse per-group 32 '\x00\x00\x00\x00' -11  # s_blocks_per_group = 0
refuse inodes 0 '\xff\xff\x00\x00' -11   # s_inodes_count
refuse blocks 4 '\xff\xff\xff\x00' -11   # s_blocks_count beyond the partition
refuse inode-size 88 '\x00\x02' -14      # s_inode_size = 512
refuse first-ino 84 '\x01\x00\x00\x00' -11 # s_first_ino
$B/fstest refuse $B/base.img $FS_START "$BASE_SECTORS" 0 > /dev/null || bad "unpatched base refused"

if [ $fail -ne 0 ]; then
    echo "fshost: FAILED"
    exit 1
fi
echo "fshost: all passed"
