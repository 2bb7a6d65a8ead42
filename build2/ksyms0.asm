section .ksyms progbits alloc noexec nowrite align=8
global ksyms_count, ksyms_table
ksyms_count: dq 0
ksyms_table:
