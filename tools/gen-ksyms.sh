#!/bin/sh
# gen-ksyms.sh KERNEL.elf > ksyms.asm
# Emit the kernel's text symbols, sorted by address, as a NASM source for
# the .ksyms section (kernel/ksyms.c searches it). Without an argument it
# emits an empty table for the first link.
set -e
echo 'section .ksyms progbits alloc noexec nowrite align=8'
echo 'global ksyms_count, ksyms_table'
if [ -z "$1" ]; then
    echo 'ksyms_count: dq 0'
    echo 'ksyms_table:'
    exit 0
fi
nm -n --defined-only "$1" | awk '
    $2 ~ /^[tT]$/ && $3 !~ /^\./ { addr[n] = $1; name[n] = $3; n++ }
    END {
        printf "ksyms_count: dq %d\nksyms_table:\n", n
        for (i = 0; i < n; i++) printf "    dq 0x%s, ksym_name_%d\n", addr[i], i
        for (i = 0; i < n; i++) printf "ksym_name_%d: db \"%s\", 0\n", i, name[i]
    }'
