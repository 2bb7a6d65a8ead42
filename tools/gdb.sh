#!/bin/bash
# gdb.sh BUILD [CMDLINE]: start QEMU halted with a GDB stub on a free port,
# then attach GDB with the kernel's symbols and tools/gdbinit (loaded
# explicitly; the user's auto-load settings are not involved). QEMU stops
# when GDB exits. MEM (default 128M) and DISK_IF (ide or virtio) as for
# make run.
set -eu
build=$1
cmdline=${2:-}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fwcfg=""
[ -n "$cmdline" ] && fwcfg="name=opt/cmdline,string=$(printf '%s' "$cmdline" | sed 's/,/,,/g')"
mem=${MEM:-128M}
drive="file=$build/disk.img,format=raw,if=${DISK_IF:-ide}"
[ "${DISK_IF:-ide}" = ide ] && drive="$drive,index=0"
disk=""
[ -f "$build/disk.img" ] && disk="-drive $drive"
qemu-system-x86_64 -accel tcg -cpu max -nodefaults -no-reboot -display none \
    -serial file:"$build/gdb-serial.log" -m "$mem" -cdrom "$build/os.iso" -boot d \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 $disk \
    ${fwcfg:+-fw_cfg "$fwcfg"} -S -gdb tcp:127.0.0.1:$port &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
for i in $(seq 50); do
    (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break || sleep 0.1
done
echo "QEMU halted, GDB stub on 127.0.0.1:$port; console output goes to $build/gdb-serial.log"
gdb -q -nx -x tools/gdbinit "$build/kernel.elf" -ex "set \$cinder_build = \"$build\"" \
    -ex "target remote 127.0.0.1:$port" -ex "hbreak kmain" -ex "continue"
