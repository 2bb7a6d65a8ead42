#!/bin/bash
# bench.sh [BUILD_DIR] [RUNS]: measurements under QEMU TCG, in three sections.
# Boots BUILD_DIR/os.iso (make bench builds it with DEBUG=0 in build/bench):
# - VM: the user programs bench-anon (first touch of a 64 MiB bss), bench-
#   stack (stack growth), bench-swap (twice the user frames, through swap on
#   virtio), bench-fork timing exec+exit of bench-anon against a small
#   program, bench-mmap (cold and warm read faults of a mapped 16 MiB
#   file, munmap write-back of it) and bench-cow (fork of 16 MiB resident,
#   the child writing every page: copy-on-write faults), each in a boot of its own with the QEMU flags Linux 6.1 was
#   measured with; a program killed, a panic or a hang prints a FAILED line.
# - processes: bench-syscall and bench-fork (user/bin/bench-*.c).
# - file-system throughput: once per configuration -- the disk on IDE and
#   on virtio, ext2 with the block sizes in $BLOCKS (default 1024) -- on a
#   fresh disk each time, the kernel actions `blockbench` (raw sequential
#   read of the disk) and `fsbench RUNS` (fs/fsbench.c: a 16 MiB file
#   written, read cold, warm and from the cache; medians of RUNS rounds),
#   the disk checked with e2fsck, one table row per configuration.
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
QEMU_EXIT_CLEAN=33 # the kernel powered off cleanly (isa-debug-exit)
TIMED_OUT=124      # timeout(1) stopped QEMU
# A benchmark's forked child named *-child (bench-cow-child) hands its
# figure to the parent as its exit status: not a failure.
CHILD_FIGURE='^[^ ]+-child: exit\([0-9]+\)'

# The VM figures: QEMU flags Linux 6.1 was measured with, and their runs.
VM_QEMU_FLAGS=(-accel tcg -cpu qemu64 -smp 1 -mem-prealloc -m 128M)
VM_SWAP_FRAMES=4096 # -ul of the swap run: 16 MiB of user frames, half of bench-swap's array
VM_SWAP_SIZE=64M    # swap partition: bench-swap's 32 MiB twice over
VM_EXEC_ROUNDS=21   # fork+exec+wait rounds of each program
VM_FS_SIZE=32M      # ext2 partition: the programs and bench-mmap's file
VM_MMAP_FILE=16M    # bench-mmap's file
VM_TIMEOUT=600      # seconds per boot: a hang detector, not a target
PAGES_PER_MIB=256
HZ_PER_MHZ=1000000

# boot LOG SECONDS CMDLINE QEMU_ARG...: boot the ISO with the kernel command
# line CMDLINE and the QEMU_ARGs (CPU, memory, disk), console output in LOG,
# stopped after SECONDS; returns QEMU's exit status.
boot() {
    local log=$1 seconds=$2 cmdline=$3 status=0
    shift 3
    timeout "$seconds" qemu-system-x86_64 -nodefaults -no-reboot -display none \
        -serial stdio -cdrom "$iso" -boot d -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        "$@" -fw_cfg name=opt/cmdline,string="$cmdline" >"$log" 2>&1 || status=$?
    return "$status"
}

# bench_lines LOG: the result lines ("bench: ...") of LOG, indented.
bench_lines() {
    grep '^bench: ' "$1" | tr -d '\r' | sed 's/^bench: /  /' || true
}

# run_one IFACE BLOCK: boot one configuration; print its table row.
run_one() {
    local iface=$1 block=$2 disk=$work/disk.img log=$work/$1-$2.log
    "$root/tools/mkdisk.sh" "$disk" 48M 0 "$block" "$work/root"
    local drive="file=$disk,format=raw,if=$iface"
    [ "$iface" = ide ] && drive="$drive,index=0"
    local status=0
    boot "$log" 900 "-q blockbench fsbench $runs" -accel tcg -cpu max -m 128M \
        -drive "$drive" || status=$?
    if [ "$status" -ne "$QEMU_EXIT_CLEAN" ]; then
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
    boot "$log" 600 "-q run bench-syscall run 'bench-fork 21'" -accel tcg -cpu max -m 128M \
        -drive "file=$disk,format=raw,if=ide,index=0" || status=$?
    [ "$status" -eq "$QEMU_EXIT_CLEAN" ] ||
        { echo "bench.sh: processes: QEMU exit $status" >&2; cat "$log" >&2; return 1; }
    bench_lines "$log"
}

# vm_disk: the disk of the VM figures: the benchmark programs, and a swap
# partition of VM_SWAP_SIZE.
vm_disk() {
    rm -rf "$work/vroot" && mkdir "$work/vroot"
    cp "$build"/user/bin/bench-* "$work/vroot/"
    # bench-mmap's file: not zeros (mke2fs -d would leave zero blocks holes)
    yes cinder | head -c "$VM_MMAP_FILE" > "$work/vroot/mmap.dat"
    "$root/tools/mkdisk.sh" "$work/vm.img" "$VM_FS_SIZE" "$VM_SWAP_SIZE" 1024 "$work/vroot"
}

# vm_failure LOG STATUS: why the boot logged in LOG (QEMU exit STATUS)
# failed -- a hang, a panic, a program that could not start or did not exit
# with 0, no result line -- or nothing if it did not.
vm_failure() {
    local log=$1 status=$2 line
    if [ "$status" -eq "$TIMED_OUT" ]; then
        echo "no end after ${VM_TIMEOUT}s"
    elif [ "$status" -ne "$QEMU_EXIT_CLEAN" ]; then
        line=$(grep -m1 -E '^run: |PANIC' "$log" | tr -d '\r' || true)
        echo "QEMU exit status $status${line:+: $line}"
    elif line=$(grep -v -E "$CHILD_FIGURE" "$log" |
        grep -m1 -E '^run: |^[^ ]+: exit\((-[0-9]+|[1-9][0-9]*)\)'); then
        echo "$line" | tr -d '\r'
    elif ! grep -q '^bench: ' "$log"; then
        echo "no result line"
    fi
}

# vm_figure LABEL CMDLINE: boot the VM configuration on the VM disk (virtio)
# with the kernel command line "-q CMDLINE"; print its result lines, and
# "LABEL: FAILED (why)" if the boot or a program failed.
vm_figure() {
    local label=$1 log=$work/vm-${1// /-}.log status=0 why
    boot "$log" "$VM_TIMEOUT" "-q $2" "${VM_QEMU_FLAGS[@]}" \
        -drive "file=$work/vm.img,format=raw,if=virtio" || status=$?
    bench_lines "$log"
    why=$(vm_failure "$log" "$status")
    [ -z "$why" ] || echo "  $label: FAILED ($why)"
}

# run_vm: the VM section, one boot per figure.
run_vm() {
    local hz
    "$root/tools/compdb.py" record "$root/build/compdb/tsc-hz.json" -- \
        cc -O2 -o "$work/tsc-hz" "$root/tools/tsc-hz.c"
    hz=$("$work/tsc-hz")
    vm_disk
    echo "VM (QEMU TCG -cpu qemu64, one vCPU, -mem-prealloc; TSC cycles)"
    echo "  (disk on virtio; swap run with -ul=$VM_SWAP_FRAMES: $((VM_SWAP_FRAMES / PAGES_PER_MIB))" \
        "MiB of user frames; TSC $(((hz + HZ_PER_MHZ / 2) / HZ_PER_MHZ)) MHz)"
    vm_figure "anon first touch" "run bench-anon"
    vm_figure "stack growth" "run bench-stack"
    vm_figure "swap" "-ul=$VM_SWAP_FRAMES run 'bench-swap $hz'"
    vm_figure "fork+exec+wait" "run 'bench-fork $VM_EXEC_ROUNDS bench-fork bench-anon'"
    vm_figure "mmap" "run 'bench-mmap $hz mmap.dat'"
    vm_figure "cow" "run 'bench-cow $hz'"
}

# BENCH_SECTIONS picks the sections to run (all by default).
sections=${BENCH_SECTIONS:-vm proc fs}
for section in $sections; do
    case $section in
    vm) run_vm ;;
    proc)
        echo "Processes (QEMU TCG, time-stamp counter cycles):"
        run_proc
        ;;
    fs)
        echo "Sequential throughput, MiB/s, 16 MiB file, median of $runs runs (QEMU TCG, $(basename "$build") build)"
        printf '%-8s %6s  %10s %10s %10s %10s %12s\n' disk block raw-read write cold-read warm-read cached-read
        for block in $blocks; do
            for iface in ide virtio; do
                run_one "$iface" "$block"
            done
        done
        ;;
    *) echo "bench.sh: unknown section $section (vm, proc, fs)" >&2; exit 1 ;;
    esac
    echo
done
