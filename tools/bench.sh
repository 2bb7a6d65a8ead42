#!/bin/bash
# bench.sh [BUILD_DIR] [RUNS]: file-system throughput under QEMU TCG.
# Boots BUILD_DIR/os.iso (make bench builds it with DEBUG=0 in build/bench)
# once per configuration -- the disk on IDE and on virtio, ext2 with the
# block sizes in $BLOCKS (default 1024) -- on a fresh disk each time, runs
# the kernel actions `blockbench` (raw sequential read of the disk) and
# `fsbench RUNS` (fs/fsbench.c: a 16 MiB file written, read cold, warm and
# from the cache; medians of RUNS rounds), checks the disk with e2fsck and
# prints one table row per configuration.
set -eu
build=${1:-build/bench}
runs=${2:-5}
blocks=${BLOCKS:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
iso=$build/os.iso
[ -f "$iso" ] || { echo "bench.sh: $iso missing (make bench builds it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/root"
FS_OFFSET=$((2048 * 512))

# run_one IFACE BLOCK: boot one configuration; print its table row.
run_one() {
    local iface=$1 block=$2 disk=$work/disk.img log=$work/$1-$2.log
    "$root/tools/mkdisk.sh" "$disk" 48M 0 "$block" "$work/root"
    local drive="file=$disk,format=raw,if=$iface"
    [ "$iface" = ide ] && drive="$drive,index=0"
    local status=0
    timeout 900 qemu-system-x86_64 -accel tcg -cpu max -nodefaults -no-reboot -display none \
        -serial stdio -m 128M -cdrom "$iso" -boot d \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -drive "$drive" \
        -fw_cfg name=opt/cmdline,string="-q blockbench fsbench $runs" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 33 ]; then
        echo "bench.sh: $iface/$block: QEMU exit status $status (log: $log)" >&2
        cat "$log" >&2
        return 1
    fi
    e2fsck -fn "$disk?offset=$FS_OFFSET" >/dev/null 2>&1 ||
        echo "bench.sh: $iface/$block: e2fsck found problems" >&2
    local raw med
    raw=$(sed -n 's/^blockbench: .*: \([0-9.]*\) MiB\/s.*/\1/p' "$log" | tr -d '\r')
    med=$(grep '^fsbench: median:' "$log" | tr -d '\r')
    # "fsbench: median: write W cold-read C warm-read H cached-read K MiB/s"
    set -- $med
    printf '%-8s %6s  %10s %10s %10s %10s %12s\n' "$iface" "$block" "$raw" "$4" "$6" "$8" "${10}"
}

# run_proc: boot once with the process benchmarks (user/bin/bench-*.c) on a
# disk holding the user programs; print their result lines.
run_proc() {
    local disk=$work/proc.img log=$work/proc.log status=0
    rm -rf "$work/proot" && mkdir "$work/proot"
    cp "$build"/user/bin/bench-* "$work/proot/"
    "$root/tools/mkdisk.sh" "$disk" 8M 0 1024 "$work/proot"
    timeout 600 qemu-system-x86_64 -accel tcg -cpu max -nodefaults -no-reboot -display none \
        -serial stdio -m 128M -cdrom "$iso" -boot d \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -drive "file=$disk,format=raw,if=ide,index=0" \
        -fw_cfg name=opt/cmdline,string="-q run bench-syscall run 'bench-fork 21'" \
        >"$log" 2>&1 || status=$?
    [ "$status" -eq 33 ] || { echo "bench.sh: processes: QEMU exit $status" >&2; cat "$log" >&2; return 1; }
    grep '^bench: ' "$log" | tr -d '\r' | sed 's/^bench: /  /'
}

echo "Processes (QEMU TCG, time-stamp counter cycles):"
run_proc
echo
echo "Sequential throughput, MiB/s, 16 MiB file, median of $runs runs (QEMU TCG, $(basename "$build") build)"
printf '%-8s %6s  %10s %10s %10s %10s %12s\n' disk block raw-read write cold-read warm-read cached-read
for block in $blocks; do
    for iface in ide virtio; do
        run_one "$iface" "$block"
    done
done
