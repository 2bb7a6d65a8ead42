/* Private to proc/thread.c: the context-switch primitives of
 * proc/switch.asm and the C function its trampoline jumps to. */
#pragma once
#include <stdint.h>

#include "proc/thread.h"

/* switch_context: save the callee-saved registers and rsp into *SAVE_RSP,
 * switch to the stack NEW_RSP and return on it. */
void switch_context(uint64_t *save_rsp, uint64_t new_rsp);
/* thread_trampoline: where a new thread's first switch returns; calls
 * thread_run_first with the function and argument left in r12/r13. */
void thread_trampoline(void);
/* thread_run_first: run FN(ARG) as the body of a new thread (thread.c). */
void thread_run_first(thread_fn *fn, void *arg);
