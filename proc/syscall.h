/* System calls (numbers and semantics: ABI.md). The entry is
 * proc/syscall_entry.asm; syscall_dispatch runs the handler with interrupts
 * enabled on the thread's kernel stack. */
#pragma once
#include "user/include/abi.h" /* SYS_ numbers */

struct trap_frame;


/* syscall_init: enable syscall/sysret (EFER.SCE, STAR, LSTAR, SFMASK). */
void syscall_init(void);
/* syscall_dispatch: run the call named by TF's rax; result in TF's rax. */
void syscall_dispatch(struct trap_frame *tf);
/* usertrap_init: handlers for faults from user mode and int 0x42. */
void usertrap_init(void);
