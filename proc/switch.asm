; Context switch between kernel threads. Only callee-saved registers need
; saving: the switch is a function call from the scheduler's point of view.
;   void switch_context(uint64_t *save_rsp, uint64_t new_rsp)
; A new thread's stack is prepared so that the first switch "returns" into
; thread_trampoline with the function and argument in r12/r13.

bits 64
section .text

global switch_context
switch_context:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    mov [rdi], rsp
    mov rsp, rsi
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

extern thread_run_first
global thread_trampoline
thread_trampoline:
    mov rdi, r12
    mov rsi, r13
    xor ebp, ebp                     ; backtraces stop at the thread's entry
    push rbp
    jmp thread_run_first
