; System-call entry and exit (syscall/sysret), and the first entry of a
; thread into user mode.
;
; syscall leaves the user rip in rcx and rflags in r11 and masks rflags by
; SFMASK (IF, TF, DF, AC cleared). The entry switches to the current
; thread's kernel stack (syscall_kernel_rsp, kept by process_activate on
; every thread switch; uniprocessor, so one global is enough), builds a
; struct trap_frame (kernel/trap.h) exactly like the interrupt path does,
; enables interrupts, and calls syscall_dispatch(frame). The frame keeps the
; user rsp (stack growth needs it) and every register, so everything but
; rax, rcx and r11 comes back unchanged.
;
; The exit returns with sysret unless the frame's rip is not a canonical
; user address or the handler asked for a full restore (exec sets up fresh
; registers, including rcx and r11): then it returns through iretq.

%include "kernel/trap_frame.inc"

bits 64
section .text

%define SEL_UCODE (0x20 | 3)
%define SEL_UDATA (0x18 | 3)
%define SYSCALL_VECTOR 256
%define FRAME_IRET 1            ; error_code slot: return through iretq
%define USER_CANONICAL_END 0x00007ffffffff000

; Offsets in struct trap_frame after the 15 general registers.
%define TF_ERROR 128
%define TF_RIP 136
%define TF_RFLAGS 152
%define TF_RSP 160

extern syscall_dispatch
extern trap_return
global syscall_kernel_rsp
global syscall_entry
global user_enter

section .bss
syscall_kernel_rsp: resq 1
syscall_user_rsp: resq 1

section .text
syscall_entry:
    mov [rel syscall_user_rsp], rsp
    mov rsp, [rel syscall_kernel_rsp]
    push SEL_UDATA                  ; ss
    push qword [rel syscall_user_rsp]
    push r11                        ; rflags
    push SEL_UCODE                  ; cs
    push rcx                        ; rip
    push 0                          ; error code (FRAME_IRET flag)
    push SYSCALL_VECTOR
    PUSH_GPRS
    mov rdi, rsp
    sti
    call syscall_dispatch
    cli
    cmp qword [rsp + TF_ERROR], FRAME_IRET
    je trap_return
    mov rax, USER_CANONICAL_END
    cmp [rsp + TF_RIP], rax
    jae trap_return
    POP_GPRS
    mov rcx, [rsp + TF_RIP - GPRS_SIZE]
    mov r11, [rsp + TF_RFLAGS - GPRS_SIZE]
    mov rsp, [rsp + TF_RSP - GPRS_SIZE]
    o64 sysret

; void user_enter(struct trap_frame *tf): load TF (built anywhere on the
; current kernel stack) and enter user mode through iretq. Never returns.
user_enter:
    cli
    mov rsp, rdi
    jmp trap_return
