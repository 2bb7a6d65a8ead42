#!/bin/sh
# mkxattr.sh FILE... PART
# Give FILE (a path in the ext2 file system PART, written `IMAGE?offset=BYTES`
# as debugfs takes it) a 600-byte user extended attribute `user.note`:
# too big for the inode, so debugfs puts it in an attribute block
# (i_file_acl). With more FILEs, the others share the first one's block,
# as Linux shares identical attribute blocks: their i_file_acl points to
# it, their i_blocks count it, and its header's h_refcount is the number
# of FILEs. Fails unless e2fsck -fn finds the result clean.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 FILE... PART" >&2; exit 2; }
eval "part=\${$#}"
VALUE_BYTES=600
REFCOUNT_OFFSET=4 # h_refcount in the attribute block header (ext2 spec)
value=$(mktemp)
trap 'rm -f "$value"' EXIT
head -c $VALUE_BYTES /dev/zero | tr '\0' 'x' > "$value"
first=$1
debugfs -w -R "ea_set -f $value $first user.note" "$part" 2>/dev/null
stat_field() { # stat_field FILE LABEL: the number after "LABEL: " in debugfs stat
    debugfs -R "stat $1" "$part" 2>/dev/null | sed -n "s/.*$2: \([0-9]*\).*/\1/p" | head -n 1
}
block=$(stat_field "$first" "File ACL")
[ -n "$block" ] && [ "$block" -ne 0 ] || { echo "$0: $first got no attribute block" >&2; exit 1; }
count=1
shift
while [ $# -gt 1 ]; do
    blocks=$(stat_field "$1" Blockcount)
    extra=$(debugfs -R stats "$part" 2>/dev/null | sed -n 's/^Block size: *\([0-9]*\)/\1/p')
    debugfs -w -R "sif $1 file_acl $block" "$part" 2>/dev/null
    debugfs -w -R "sif $1 blocks $((blocks + extra / 512))" "$part" 2>/dev/null
    count=$((count + 1))
    shift
done
if [ $count -gt 1 ]; then
    debugfs -w -R "zap_block -o $REFCOUNT_OFFSET -l 1 -p $count $block" "$part" 2>/dev/null
fi
e2fsck -fn "$part" >/dev/null 2>&1 || { echo "$0: e2fsck finds $part damaged" >&2; exit 1; }
