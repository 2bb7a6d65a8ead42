; Multiboot2 entry: GRUB jumps to _start in 32-bit protected mode with
; paging off, eax = multiboot2 magic, ebx = physical address of the boot
; information. This stub checks the CPU, builds temporary page tables that
; map the first 1 GiB of RAM three times (identity, direct map at
; DIRECT_MAP_BASE, kernel image at KERNEL_VMA), enters long mode and jumps
; to the higher-half kmain(magic, mbi). mm/paging.c replaces these tables.

MB2_MAGIC        equ 0xe85250d6
MB2_ARCH_I386    equ 0
MB2_BOOT_MAGIC   equ 0x36d76289
KERNEL_VMA       equ 0xffffffff80000000
PML4_DIRECT_SLOT equ 256            ; 0xffff800000000000 >> 39 & 511
PML4_KERNEL_SLOT equ 511
PDPT_KERNEL_SLOT equ 510            ; 0xffffffff80000000 >> 30 & 511
PTE_PRESENT      equ 1 << 0
PTE_WRITABLE     equ 1 << 1
PTE_HUGE         equ 1 << 7
HUGE_PAGE_SIZE   equ 0x200000
CR0_PG           equ 1 << 31
CR0_WP           equ 1 << 16
CR4_PAE          equ 1 << 5
EFER_MSR         equ 0xc0000080
EFER_LME         equ 1 << 8
EFER_NXE         equ 1 << 11
CPUID_EXT_MAX    equ 0x80000000     ; leaf: highest extended leaf
CPUID_EXT_INFO   equ 0x80000001     ; leaf: extended feature bits in edx
CPUID_EDX_NX     equ 1 << 20
CPUID_EDX_LM     equ 1 << 29
PT_ENTRIES       equ 512
BOOT_CODE_SEL    equ 0x08           ; boot_gdt slots
BOOT_DATA_SEL    equ 0x10
BOOT_STACK_SIZE  equ 16384          ; = KSTACK_SIZE (mm/kstack.h): the boot thread becomes "main"
VGA_TEXT         equ 0xb8000
VGA_WHITE_ON_RED equ 0x4f
; COM1 (16550 UART) as kernel/serial.c sets it up: 115200 8N1, FIFOs on.
COM1             equ 0x3f8
UART_DATA        equ 0              ; THR, or divisor low with DLAB
UART_IER         equ 1              ; interrupt enable, or divisor high with DLAB
UART_FCR         equ 2
UART_LCR         equ 3
UART_MCR         equ 4
UART_LSR         equ 5
LCR_DLAB         equ 0x80
LCR_8N1          equ 0x03
FCR_ENABLE_CLEAR equ 0xc7
MCR_DTR_RTS      equ 0x03
LSR_THR_EMPTY    equ 0x20
BAUD_DIVISOR     equ 1              ; 115200 / 115200
ASCII_CR         equ 13
ASCII_LF         equ 10
; Power-off as drivers/shutdown.c does it, with SHUTDOWN_FAILURE
; (drivers/shutdown.h): QEMU's isa-debug-exit ends with status 37.
DEBUG_EXIT_PORT  equ 0xf4
SHUTDOWN_FAILURE equ 0x12
ACPI_PM1A_CNT    equ 0x604
ACPI_SLP_EN_S5   equ 0x2000

section .multiboot2 align=8
mb2_header:
    dd MB2_MAGIC
    dd MB2_ARCH_I386
    dd mb2_header_end - mb2_header
    dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
    ; end tag
    dw 0
    dw 0
    dd 8
mb2_header_end:

section .boot.text progbits alloc exec nowrite
bits 32
global _start
_start:
    cli
    mov esp, boot_stack_top - KERNEL_VMA
    mov edi, eax                    ; keep magic and mbi for kmain
    mov esi, ebx
    cmp eax, MB2_BOOT_MAGIC
    jne .no_multiboot
    call check_cpu
    call build_boot_tables
    mov eax, boot_pml4 - KERNEL_VMA
    mov cr3, eax
    mov eax, cr4
    or eax, CR4_PAE
    mov cr4, eax
    mov ecx, EFER_MSR
    rdmsr
    or eax, EFER_LME | EFER_NXE
    wrmsr
    mov eax, cr0
    or eax, CR0_PG | CR0_WP
    mov cr0, eax
    lgdt [boot_gdt_ptr - KERNEL_VMA]
    jmp BOOT_CODE_SEL:(long_mode_entry - KERNEL_VMA)

.no_multiboot:
    mov esi, msg_no_mb2 - KERNEL_VMA
    jmp boot_fail

; check_cpu: fail unless CPUID reports long mode and NX (EFER.NXE is set
; unconditionally below; without NX that wrmsr would fault).
check_cpu:
    mov eax, CPUID_EXT_MAX
    cpuid
    cmp eax, CPUID_EXT_INFO
    jb .no_lm
    mov eax, CPUID_EXT_INFO
    cpuid
    test edx, CPUID_EDX_LM
    jz .no_lm
    test edx, CPUID_EDX_NX
    jz .no_nx
    ret
.no_lm:
    mov esi, msg_no_lm - KERNEL_VMA
    jmp boot_fail
.no_nx:
    mov esi, msg_no_nx - KERNEL_VMA
    jmp boot_fail

; build_boot_tables: one PDPT of 2 MiB pages covering 1 GiB, reachable from
; PML4 slot 0 (identity), slot 256 (direct map) and, via a second PDPT,
; slot 511 entry 510 (kernel image at KERNEL_VMA).
build_boot_tables:
    mov eax, boot_pd - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITABLE
    mov [boot_pdpt_low - KERNEL_VMA], eax
    mov [boot_pdpt_high - KERNEL_VMA + PDPT_KERNEL_SLOT * 8], eax
    mov eax, boot_pdpt_low - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITABLE
    mov [boot_pml4 - KERNEL_VMA], eax
    mov [boot_pml4 - KERNEL_VMA + PML4_DIRECT_SLOT * 8], eax
    mov eax, boot_pdpt_high - KERNEL_VMA
    or eax, PTE_PRESENT | PTE_WRITABLE
    mov [boot_pml4 - KERNEL_VMA + PML4_KERNEL_SLOT * 8], eax
    xor ecx, ecx
.fill_pd:
    mov eax, ecx
    imul eax, HUGE_PAGE_SIZE
    or eax, PTE_PRESENT | PTE_WRITABLE | PTE_HUGE
    mov [boot_pd - KERNEL_VMA + ecx * 8], eax
    inc ecx
    cmp ecx, PT_ENTRIES
    jne .fill_pd
    ret

; boot_fail: the machine cannot run this kernel. Print the NUL-terminated
; string at esi on the VGA screen and on COM1 (a headless machine has only
; the serial line), then power off with the failure code; halt if neither
; power-off mechanism exists.
boot_fail:
    push esi
    call vga_puts
    pop esi
    call serial_init
    call serial_puts
    mov dx, DEBUG_EXIT_PORT
    mov eax, SHUTDOWN_FAILURE
    out dx, eax
    mov dx, ACPI_PM1A_CNT
    mov ax, ACPI_SLP_EN_S5
    out dx, ax
.halt:
    hlt
    jmp .halt

; vga_puts: the NUL-terminated string at esi, white on red, top left.
vga_puts:
    mov edi, VGA_TEXT
.next:
    lodsb
    test al, al
    jz .done
    mov ah, VGA_WHITE_ON_RED
    stosw
    jmp .next
.done:
    ret

; serial_init: COM1 at 115200 8N1 with FIFOs, interrupts off (polled).
serial_init:
    mov dx, COM1 + UART_IER
    xor al, al
    out dx, al
    mov dx, COM1 + UART_LCR
    mov al, LCR_DLAB
    out dx, al
    mov dx, COM1 + UART_DATA
    mov al, BAUD_DIVISOR
    out dx, al
    mov dx, COM1 + UART_IER
    xor al, al
    out dx, al
    mov dx, COM1 + UART_LCR
    mov al, LCR_8N1
    out dx, al
    mov dx, COM1 + UART_FCR
    mov al, FCR_ENABLE_CLEAR
    out dx, al
    mov dx, COM1 + UART_MCR
    mov al, MCR_DTR_RTS
    out dx, al
    ret

; serial_puts: the NUL-terminated string at esi on COM1, then CR LF.
serial_puts:
    lodsb
    test al, al
    jz .eol
    call serial_putc
    jmp serial_puts
.eol:
    mov al, ASCII_CR
    call serial_putc
    mov al, ASCII_LF
    jmp serial_putc

; serial_putc: send al once the transmit holding register is empty.
serial_putc:
    mov cl, al
    mov dx, COM1 + UART_LSR
.wait:
    in al, dx
    test al, LSR_THR_EMPTY
    jz .wait
    mov dx, COM1 + UART_DATA
    mov al, cl
    out dx, al
    ret

bits 64
long_mode_entry:
    mov ax, BOOT_DATA_SEL
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor ax, ax
    mov fs, ax
    mov gs, ax
    mov rax, .higher_half            ; absolute jump into the higher half
    jmp rax
.higher_half:
    mov rsp, boot_stack_top
    extern kmain
    ; edi = magic, esi = mbi (zero-extended by the 32-bit moves above)
    xor ebp, ebp
    push rbp                         ; fake return address: backtraces stop here
    jmp kmain

section .boot.rodata progbits alloc noexec nowrite
msg_no_mb2: db "boot: not loaded by a Multiboot2 loader", 0
msg_no_lm:  db "boot: this CPU has no 64-bit long mode", 0
msg_no_nx:  db "boot: this CPU has no no-execute (NX) page protection", 0
align 8
boot_gdt:
    dq 0
    dq 0x00209a0000000000            ; 64-bit code
    dq 0x0000920000000000            ; data
boot_gdt_ptr:
    dw boot_gdt_ptr - boot_gdt - 1
    dq boot_gdt - KERNEL_VMA

section .bss
alignb 4096
boot_pml4:      resb 4096
boot_pdpt_low:  resb 4096
boot_pdpt_high: resb 4096
boot_pd:        resb 4096            ; unmapped by paging_init: the boot stack's guard
global boot_stack_bottom, boot_stack_top
boot_stack_bottom:
    resb BOOT_STACK_SIZE
boot_stack_top:
