; Interrupt and exception entry stubs. Every vector has a stub that makes
; the stack look the same (an error code, 0 when the CPU pushes none, and
; the vector number), then trap_common saves the general registers into a
; struct trap_frame (kernel/trap.h) and calls trap_dispatch(frame). Every
; gate is an interrupt gate (IF already clear); trap_common also clears
; RFLAGS entirely, because the CPU keeps DF and AC from the interrupted
; code: user code could otherwise run kernel handlers with a backwards
; string direction or with SMAP overridden (iretq restores them).

%include "kernel/trap_frame.inc"

bits 64
section .text

extern trap_dispatch

; Vectors for which the CPU pushes an error code.
%define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%macro TRAP_STUB 1
trap_stub_%1:
%if HAS_ERROR(%1) == 0
    push 0
%endif
    push %1
    jmp trap_common
%endmacro

%assign v 0
%rep 256
TRAP_STUB v
%assign v v + 1
%endrep

global trap_common
trap_common:
    PUSH_GPRS
    push 0                          ; rflags = 0: DF and AC (SMAP override)
    popfq                           ; clear, whatever user code left there
    mov rdi, rsp
    call trap_dispatch
global trap_return
trap_return:
    POP_GPRS
    add rsp, 16                     ; vector and error code
    iretq

section .rodata
global trap_stub_table
trap_stub_table:
%assign v 0
%rep 256
    dq trap_stub_%+v
%assign v v + 1
%endrep

; bool trap_catch_arm(struct trap_catch *tc): save the callee-saved
; registers and the caller's resume point, arm the catch, return false.
; trap_dispatch resumes here with rax = 1 when a kernel fault is caught.
section .text
extern trap_active_catch
global trap_catch_arm
trap_catch_arm:
    mov [rdi + 0], rbx
    mov [rdi + 8], rbp
    mov [rdi + 16], r12
    mov [rdi + 24], r13
    mov [rdi + 32], r14
    mov [rdi + 40], r15
    lea rax, [rsp + 8]
    mov [rdi + 48], rax
    mov rax, [rsp]
    mov [rdi + 56], rax
    mov [rel trap_active_catch], rdi
    xor eax, eax
    ret
