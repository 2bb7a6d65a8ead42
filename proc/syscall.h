/* System calls (numbers and semantics: ABI.md). The entry is
 * proc/syscall_entry.asm; syscall_dispatch runs the handler with interrupts
 * enabled on the thread's kernel stack. */
#pragma once
#include <stdint.h>

#include "user/include/abi.h" /* SYS_ numbers */

struct trap_frame;

/* trap_frame.error_code of a syscall frame that must return through iretq
 * (after exec: the ABI wants rcx and r11 zero, sysret would clobber them).
 * syscall_entry.asm defines the same value. */
#define FRAME_IRET 1

/* Defined in proc/syscall_entry.asm. */
/* syscall_kernel_rsp: the kernel stack top syscall_entry switches to (the
 * current thread's; kept by process_activate). */
extern uint64_t syscall_kernel_rsp;
/* syscall_entry: the LSTAR target of the syscall instruction. */
void syscall_entry(void);
/* user_enter: load TF (on the current kernel stack) and enter user mode
 * through iretq. */
void user_enter(struct trap_frame *tf) __attribute__((noreturn));

/* syscall_init: enable syscall/sysret (EFER.SCE, STAR, LSTAR, SFMASK). */
void syscall_init(void);
/* syscall_dispatch: run the call named by TF's rax; result in TF's rax. */
void syscall_dispatch(struct trap_frame *tf);
/* usertrap_init: handlers for faults from user mode and int 0x42. */
void usertrap_init(void);
