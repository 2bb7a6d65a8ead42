#!/bin/sh
# mkdisk.sh OUT FS_SIZE SWAP_SIZE BLOCK_SIZE ROOT_DIR [MKE2FS_OPTION...]
# Build a raw disk image without root: an MBR (sfdisk) with partition 1
# ext2 (type 0x83) made by mke2fs -d from ROOT_DIR, and partition 2 swap
# (type 0x82). Sizes take K/M suffixes. Without MKE2FS_OPTIONs the ext2
# feature set is the one fs/ext2 was first written for (see fs/README.md);
# options given (e.g. `-E stride=13 -g 1024`, `-O flex_bg`) replace it and
# go to mke2fs as they are, with mke2fs's own defaults for the rest (an -E
# option list is joined to the partition offset).
set -eu
out=$1 fs_size=$2 swap_size=$3 block=$4 root=$5
shift 5

to_sectors() { # size with K/M/G suffix -> 512-byte sectors
    n=${1%[KkMmGg]}
    case $1 in
        *[Kk]) echo $((n * 2)) ;;
        *[Mm]) echo $((n * 2048)) ;;
        *[Gg]) echo $((n * 2097152)) ;;
        *) echo $((n / 512)) ;;
    esac
}

FIRST_SECTOR=2048
fs_sectors=$(to_sectors "$fs_size")
swap_sectors=$(to_sectors "$swap_size")
total=$((FIRST_SECTOR + fs_sectors + swap_sectors))
rm -f "$out"
truncate -s $((total * 512)) "$out"
{
    echo "label: dos"
    echo "start=$FIRST_SECTOR, size=$fs_sectors, type=83"
    [ "$swap_sectors" -gt 0 ] && echo "start=$((FIRST_SECTOR + fs_sectors)), size=$swap_sectors, type=82"
} | sfdisk -q "$out"
EXT2_FEATURES=${EXT2_FEATURES:-none,filetype,sparse_super,large_file}
[ $# -gt 0 ] || set -- -O "$EXT2_FEATURES" -I 256
extended=offset=$((FIRST_SECTOR * 512))
options=
while [ $# -gt 0 ]; do
    case $1 in
        -E) extended=$extended,$2; shift 2 ;;
        *) options="$options $1"; shift ;;
    esac
done
# shellcheck disable=SC2086 # the options are words
mke2fs -q -F -t ext2 $options -b "$block" -E "$extended" \
    -d "$root" "$out" $((fs_sectors * 512 / block)) >/dev/null
