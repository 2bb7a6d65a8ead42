/* Traps: the IDT, the saved register frame, and dispatch of exceptions and
 * device interrupts. Hardware faults are decoded once here; page faults go
 * to the VM hook, other user faults kill the process, kernel faults panic
 * unless an exception-table entry or an active trap_catch recovers them. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "user/include/abi.h"

/* Register frame built by kernel/trap_entry.asm (lowest address first). */
struct trap_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error_code;
    uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

enum trap_vector {
    VEC_DIVIDE = 0,
    VEC_DEBUG = 1,
    VEC_NMI = 2,
    VEC_BREAKPOINT = 3,
    VEC_INVALID_OPCODE = 6,
    VEC_DOUBLE_FAULT = 8,
    VEC_GENERAL_PROTECTION = 13,
    VEC_PAGE_FAULT = 14,
    VEC_MACHINE_CHECK = 18,
    VEC_EXCEPTION_COUNT = 32,
    VEC_IRQ_BASE = 32, /* PIC IRQ 0..15 are remapped to 32..47 */
    VEC_IRQ_COUNT = 16,
    VEC_USER_PHYS = ABI_VEC_PHYS_ADDR, /* user page -> kernel address of its frame */
    VEC_USER_DISK_READS = ABI_VEC_DISK_READS,
    VEC_USER_DISK_WRITES = ABI_VEC_DISK_WRITES,
    VEC_COUNT = 256,
};

/* Page-fault error code bits. */
#define PF_PRESENT  (1u << 0)
#define PF_WRITE    (1u << 1)
#define PF_USER     (1u << 2)
#define PF_RESERVED (1u << 3)
#define PF_FETCH    (1u << 4)

typedef void (*trap_handler_t)(struct trap_frame *tf);

void trap_init(void);
/* trap_set_handler: route VECTOR to HANDLER; DPL3 makes it callable by int
 * from ring 3. */
void trap_set_handler(unsigned vector, trap_handler_t handler, bool user_callable);
bool trap_from_user(const struct trap_frame *tf);
/* trap_unhandled: an exception no handler resolved. Kernel faults may be
 * recovered by a trap_catch or the exception table; anything else dumps the
 * frame and panics. (Handlers for user faults kill the process instead.) */
void trap_unhandled(struct trap_frame *tf);
/* trap_in_extable: TF is a kernel fault at an instruction of the exception
 * table (a user-memory copy), which may touch user pages. */
bool trap_in_extable(const struct trap_frame *tf);
/* trap_dump: print vector, error code, rip, cr2, registers of TF. */
void trap_dump(const struct trap_frame *tf);

/* A trap_catch lets kernel code survive an expected fault (unit tests of
 * NX, write protection, SMEP/SMAP): while armed, a kernel-mode exception
 * on the arming thread's stack (below the arming frame) records its
 * vector/error/cr2 and resumes at the saved context with trap_catch_arm
 * returning true. One catch is armed at a time. */
struct trap_catch {
    uint64_t rbx, rbp, r12, r13, r14, r15, rsp, rip;
    uint64_t vector, error_code, cr2;
};
/* trap_catch_arm: like setjmp; false when armed, true when a fault came. */
bool trap_catch_arm(struct trap_catch *tc) __attribute__((returns_twice));
void trap_catch_disarm(void);

/* Exception table: a fault at a listed instruction resumes at its fixup. */
struct extable_entry {
    uint64_t insn, fixup;
};

/* The entry stub of every vector (kernel/trap_entry.asm), for the IDT. */
extern const uint64_t trap_stub_table[VEC_COUNT];
