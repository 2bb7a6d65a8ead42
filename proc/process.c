/* Processes (see process.h): creation, fork, exec, exit and wait.
 *
 * Locking: proc_lock (a sleeping lock) guards every process's children
 * list, refs, exited and exit_status, and the process count. Everything
 * else in a struct process belongs to the process's own thread (fork reads
 * the parent's fields from the parent's thread). Lock order: proc_lock
 * before the file system's locks (never taken together today).
 *
 * Lifetime: a struct process has two references, its own (dropped when it
 * exits) and its parent's (dropped by wait or when the parent exits); the
 * last one frees it. A process that exits releases its address space,
 * descriptors, directory and executable first, so a zombie holds only the
 * struct. The exiting thread wakes its waiter with interrupts off and dies
 * without being preempted, so the parent sees it fully gone (its thread
 * stack included) when wait returns. */
#include "fs/file.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/console.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "mm/kstack.h"
#include "mm/kmalloc.h"
#include "mm/spt.h"
#include "proc/fd.h"
#include "proc/load.h"
#include "proc/process.h"
#include "proc/syscall.h"
#include "proc/thread.h"

#define EXIT_LINE_MAX 64

static struct lock proc_lock;
static struct process kernel_root; /* parent of the processes the kernel starts */
static pid_t next_pid = 1;
static int proc_count;

/* Start-up data handed to a new process's thread. */
struct proc_start {
    struct process *proc;
    char *cmdline;            /* process_execute: the image to load */
    struct trap_frame *frame; /* fork: the user state to resume */
};

void process_init(void)
{
    lock_init(&proc_lock);
    list_init(&kernel_root.children);
    syscall_init();
    usertrap_init();
}

struct process *process_current(void)
{
    return thread_current()->proc;
}

/* self_or_root: the current process, or the kernel's pseudo-process. */
static struct process *self_or_root(void)
{
    struct process *p = process_current();
    return p ? p : &kernel_root;
}

/* process_activate: see process.h. A kernel thread (no process: the idle
 * thread, read-ahead, the kernel's main thread) runs on whatever PML4 is
 * loaded, as Linux's kernel threads run in "lazy TLB" mode: every PML4
 * shares the kernel half (pt_create), and a CR3 load flushes the TLB,
 * which costs the process switched back to a refill of every entry it
 * uses (under QEMU's TCG, a page walk in C for each). A process without
 * an address space (it is being freed) gets the kernel's. */
void process_activate(struct thread *t)
{
    syscall_kernel_rsp = (uint64_t)t->stack + KSTACK_SIZE;
    if (!t->proc)
        return; /* lazy: pt_destroy switches off a PML4 it frees */
    pte_t *pml4 = t->proc->spt ? t->proc->spt->pml4 : pt_kernel();
    if (virt_to_phys(pml4) != (read_cr3() & PTE_ADDR_MASK))
        pt_activate(pml4);
}

/* proc_alloc: a new process named NAME, linked as a child of the caller;
 * NULL when out of memory or processes. */
static struct process *proc_alloc(const char *name)
{
    struct process *p = kzalloc(sizeof *p);
    if (!p)
        return NULL;
    strlcpy(p->name, name, sizeof p->name);
    list_init(&p->children);
    sema_init(&p->exited_sema, 0);
    p->refs = 2;
    struct process *parent = self_or_root();
    lock_acquire(&proc_lock);
    if (proc_count == PROC_MAX) {
        lock_release(&proc_lock);
        kfree(p);
        return NULL;
    }
    proc_count++;
    p->pid = next_pid++;
    list_push_back(&parent->children, &p->child_node);
    lock_release(&proc_lock);
    return p;
}

bool process_settle(uint64_t timeout_ticks)
{
    for (uint64_t waited = 0;; waited++) {
        lock_acquire(&proc_lock);
        int live = proc_count;
        lock_release(&proc_lock);
        if (live == 0) {
            thread_yield(); /* let the last exiting thread finish dying */
            return true;
        }
        if (waited == timeout_ticks)
            return false;
        thread_sleep(1);
    }
}

/* proc_free_locked: free the struct of a process nobody refers to. */
static void proc_free_locked(struct process *p)
{
    ASSERT(p->refs == 0 && list_empty(&p->children));
    proc_count--;
    kfree(p);
}

void process_release_files(struct process *p)
{
    fd_table_destroy(p->fds);
    p->fds = NULL;
    file_close(p->exec_file);
    p->exec_file = NULL;
    inode_close(p->cwd);
    p->cwd = NULL;
}

/* proc_release: free what a process owns besides its struct (any thread
 * may call it for a process that never ran). */
static void proc_release(struct process *p)
{
    process_release_files(p);
    struct spt *spt = p->spt;
    p->spt = NULL;
    if (spt && thread_current()->proc == p) {
        uint64_t f = irq_save();
        process_activate(thread_current()); /* off the table before freeing it */
        irq_restore(f);
    }
    spt_free(spt);
}

/* proc_abandon: undo proc_alloc for a process whose thread never started. */
static void proc_abandon(struct process *p)
{
    proc_release(p);
    lock_acquire(&proc_lock);
    list_remove(&p->child_node);
    p->refs = 0;
    proc_free_locked(p);
    lock_release(&proc_lock);
}

/* proc_thread_main: first code of a new process's thread. */
static void proc_thread_main(void *arg)
{
    struct proc_start *st = arg;
    struct process *p = st->proc;
    struct trap_frame tf;
    uint64_t f = irq_save();
    thread_current()->proc = p;
    process_activate(thread_current());
    irq_restore(f);
    if (st->frame) {
        tf = *st->frame;
        kfree(st->frame);
        kfree(st);
    } else {
        char *cmdline = st->cmdline;
        kfree(st);
        int err = process_exec(cmdline, &tf);
        kfree(cmdline);
        if (err < 0)
            process_exit(PROC_KILLED);
    }
    user_enter(&tf);
}

/* proc_start_thread: run P's thread with start-up data ST (freed by the
 * thread, or here on failure). */
static int proc_start_thread(struct process *p, struct proc_start *st)
{
    struct thread *t = thread_create(p->name, PRIORITY_DEFAULT, proc_thread_main, st);
    if (!t)
        return ERR_NO_MEMORY;
    p->thread = t;
    thread_detach(t);
    return ERR_OK;
}

pid_t process_execute(const char *cmdline)
{
    char name[PROC_NAME_MAX + 1];
    load_program_name(cmdline, name, sizeof name);
    struct process *p = proc_alloc(name);
    if (!p)
        return ERR_NO_MEMORY;
    struct proc_start *st = kzalloc(sizeof *st);
    size_t len = strnlen(cmdline, LOAD_CMDLINE_MAX - 1);
    char *copy = kmalloc(len + 1);
    p->fds = fd_table_create();
    if (!st || !copy || !p->fds)
        goto fail;
    memcpy(copy, cmdline, len);
    copy[len] = '\0';
    st->proc = p;
    st->cmdline = copy;
    if (proc_start_thread(p, st) < 0)
        goto fail;
    return p->pid;
fail:
    kfree(copy);
    kfree(st);
    proc_abandon(p);
    return ERR_NO_MEMORY;
}

/* fork_copy_state: give child C copies of the current process's address
 * space (its stack pages at USER_RSP copied, the rest shared: spt_copy),
 * descriptors, directory and executable. */
static int fork_copy_state(struct process *c, uint64_t user_rsp)
{
    struct process *p = process_current();
    int err = fd_table_fork(p->fds, &c->fds);
    if (err < 0)
        return err;
    if (p->exec_file && (err = file_dup(p->exec_file, &c->exec_file)) < 0)
        return err;
    c->cwd = p->cwd ? inode_reopen(p->cwd) : NULL;
    if (!(c->spt = spt_create()))
        return ERR_NO_MEMORY;
    return spt_copy(c->spt, p->spt, user_rsp);
}

pid_t process_fork(const char *name, const struct trap_frame *tf)
{
    struct process *c = proc_alloc(name);
    if (!c)
        return ERR_NO_MEMORY;
    struct proc_start *st = kzalloc(sizeof *st);
    struct trap_frame *frame = kmalloc(sizeof *frame);
    int err = st && frame ? fork_copy_state(c, tf->rsp) : ERR_NO_MEMORY;
    if (err == ERR_OK) {
        *frame = *tf;
        frame->rax = 0;
        frame->error_code = 0;
        st->proc = c;
        st->frame = frame;
        err = proc_start_thread(c, st);
    }
    if (err < 0) {
        kfree(frame);
        kfree(st);
        proc_abandon(c);
        return err;
    }
    return c->pid;
}

int process_exec(const char *cmdline, struct trap_frame *tf)
{
    struct process *p = process_current();
    struct user_image img;
    int err = load_image(cmdline, p->cwd, &img);
    if (err < 0)
        return err;
    struct spt *old_spt = p->spt;
    struct file *old_file = p->exec_file;
    uint64_t f = irq_save();
    p->spt = img.spt; /* the commit point */
    process_activate(thread_current());
    irq_restore(f);
    p->exec_file = img.file;
    spt_free(old_spt);
    file_close(old_file);
    load_frame_init(&img, tf);
    tf->error_code = FRAME_IRET;
    return ERR_OK;
}

/* orphan_children_locked: P is exiting: drop its reference to each child. */
static void orphan_children_locked(struct process *p)
{
    struct list_node *n;
    while ((n = list_pop_front(&p->children))) {
        struct process *c = list_entry(n, struct process, child_node);
        if (--c->refs == 0)
            proc_free_locked(c);
    }
}

void process_exit(int status)
{
    struct process *p = process_current();
    ASSERT(p);
    char line[EXIT_LINE_MAX];
    int n = snprintf(line, sizeof line, "%s: exit(%d)\n", p->name, status);
    console_write(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    proc_release(p);
    lock_acquire(&proc_lock);
    orphan_children_locked(p);
    p->exit_status = status;
    p->exited = true;
    if (--p->refs == 0) {
        proc_free_locked(p); /* nobody will wait */
        cli();
        lock_release(&proc_lock);
    } else {
        cli(); /* no switch until this thread is gone (see the file comment) */
        sema_up(&p->exited_sema);
        lock_release(&proc_lock);
    }
    thread_current()->proc = NULL;
    thread_exit();
}

int process_wait(pid_t pid)
{
    struct process *self = self_or_root(), *child = NULL;
    lock_acquire(&proc_lock);
    list_for_each(n, &self->children)
    {
        struct process *c = list_entry(n, struct process, child_node);
        if (c->pid == pid) {
            child = c;
            break;
        }
    }
    if (child)
        list_remove(&child->child_node);
    lock_release(&proc_lock);
    if (!child)
        return PROC_KILLED;
    sema_down(&child->exited_sema);
    lock_acquire(&proc_lock);
    int status = child->exit_status;
    if (--child->refs == 0)
        proc_free_locked(child);
    lock_release(&proc_lock);
    return status;
}
