/* Exceptions raised by user code, page faults, and the user-callable
 * int 0x42. This is the trap boundary of the VM: a page fault's hardware
 * error code (Intel SDM 4.7) is decoded here, once, into a struct
 * vm_fault for vm_try_handle_fault. Faults the VM cannot resolve end the
 * process with -1 when they come from ring 3 (with -v, a diagnostic line
 * first), and go to trap_unhandled when they come from a user-memory copy
 * in ring 0 (its exception-table fixup makes the copy fail). Any other
 * fault in ring 0 is a kernel bug: trap_unhandled panics. */
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/printf.h"
#include "kernel/trap.h"
#include "mm/vm.h"
#include "proc/process.h"
#include "proc/syscall.h"

static const char *const fault_reasons[] = {
    [VM_FAULT_NO_MEMORY] = "out of memory (no free frame, swap full or absent)",
    [VM_FAULT_IO] = "disk error while reading the page",
};

/* user_exception: kill the process behind a ring-3 fault. */
static void user_exception(struct trap_frame *tf)
{
    if (!trap_from_user(tf) || !process_current()) {
        trap_unhandled(tf);
        return;
    }
    sti();
    process_exit(PROC_KILLED);
}

/* decode_fault: the page fault of TF as the VM wants it. */
static struct vm_fault decode_fault(const struct trap_frame *tf, const struct process *p)
{
    struct vm_fault f = {
        .addr = read_cr2(),
        .user = trap_from_user(tf),
        .write = tf->error_code & PF_WRITE,
        .fetch = tf->error_code & PF_FETCH,
        .present = tf->error_code & PF_PRESENT,
    };
    f.rsp = f.user ? tf->rsp : p->user_rsp;
    return f;
}

/* report_fault: with -v, say why a user fault kills the process. */
static void report_fault(const struct vm_fault *f, enum vm_fault_result r)
{
    if (!kernel_cmdline.verbose)
        return;
    printf("Page fault at 0x%lx: %s error %s page in %s context.\n", f->addr,
           f->present ? "rights violation" : "not present", f->write ? "writing" : "reading",
           f->user ? "user" : "kernel");
    if (r == VM_FAULT_NO_MEMORY || r == VM_FAULT_IO)
        printf("vm: %s\n", fault_reasons[r]);
}

/* page_fault: resolve a page fault through the VM (ring 3, or a user-copy
 * instruction of ring 0 running with interrupts on), else end the process
 * or hand the fault to the exception table. */
static void page_fault(struct trap_frame *tf)
{
    struct process *p = process_current();
    bool user = trap_from_user(tf);
    bool vm_may_sleep = user || (trap_in_extable(tf) && (tf->rflags & RFLAGS_IF));
    if (!p || !p->spt || !vm_may_sleep) {
        trap_unhandled(tf);
        return;
    }
    struct vm_fault f = decode_fault(tf, p);
    sti();
    enum vm_fault_result r = vm_try_handle_fault(p->spt, &f);
    if (r == VM_FAULT_RESOLVED)
        return;
    report_fault(&f, r);
    if (user)
        process_exit(PROC_KILLED);
    cli();
    trap_unhandled(tf); /* the copy's fixup: it fails, the system call ends the process */
}

/* user_phys: int 0x42: rax = user address -> kernel address of its frame
 * (0 when the page is not resident: nothing is loaded). */
static void user_phys(struct trap_frame *tf)
{
    struct process *p = process_current();
    uint64_t va = tf->rax;
    void *kva = NULL;
    sti();
    if (p && p->spt && va < USER_TOP)
        kva = vm_user_frame(p->spt, va);
    tf->rax = (uint64_t)kva;
}

void usertrap_init(void)
{
    for (unsigned v = 0; v < VEC_EXCEPTION_COUNT; v++) {
        if (v == VEC_NMI || v == VEC_DOUBLE_FAULT || v == VEC_MACHINE_CHECK)
            continue;
        trap_set_handler(v, user_exception, false);
    }
    trap_set_handler(VEC_PAGE_FAULT, page_fault, false);
    trap_set_handler(VEC_USER_PHYS, user_phys, true);
}
