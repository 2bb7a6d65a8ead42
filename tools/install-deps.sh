#!/bin/sh
# Install the host packages the build, the tests and the debugger need, if
# any is missing (Debian 12; apt-get as root, or through sudo).
set -e
PACKAGES="clang lld clang-format clangd nasm grub-pc-bin grub-common xorriso mtools qemu-system-x86 fdisk e2fsprogs gdb python3 make gcc libc6-dev libclang-rt-14-dev"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing missing packages:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
