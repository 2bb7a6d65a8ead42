/* Exceptions raised by user code, and the user-callable int 0x42.
 * A fault in ring 3 ends the process with -1 (with -v, a page fault first
 * prints a diagnostic line); a fault in ring 0 goes to trap_unhandled,
 * which applies the exception table (user-copy fixups) or panics. The VM
 * will resolve page faults before this point. */
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/printf.h"
#include "kernel/trap.h"
#include "mm/uspace.h"
#include "proc/process.h"
#include "proc/syscall.h"

/* user_exception: kill the process behind a ring-3 fault. */
static void user_exception(struct trap_frame *tf)
{
    if (!trap_from_user(tf) || !process_current()) {
        trap_unhandled(tf);
        return;
    }
    if (kernel_cmdline.verbose && tf->vector == VEC_PAGE_FAULT)
        printf("Page fault at 0x%lx: %s error %s page in user context.\n", read_cr2(),
               tf->error_code & PF_PRESENT ? "rights violation" : "not present",
               tf->error_code & PF_WRITE ? "writing" : "reading");
    sti();
    process_exit(PROC_KILLED);
}

/* user_phys: int 0x42: rax = user address -> kernel address of its frame. */
static void user_phys(struct trap_frame *tf)
{
    struct process *p = process_current();
    uint64_t va = tf->rax;
    void *kva = NULL;
    if (p && p->pml4 && va < USER_TOP)
        kva = uspace_kva(p->pml4, va);
    tf->rax = (uint64_t)kva;
}

void usertrap_init(void)
{
    for (unsigned v = 0; v < VEC_EXCEPTION_COUNT; v++) {
        if (v == VEC_NMI || v == VEC_DOUBLE_FAULT || v == VEC_MACHINE_CHECK)
            continue;
        trap_set_handler(v, user_exception, false);
    }
    trap_set_handler(VEC_USER_PHYS, user_phys, true);
}
