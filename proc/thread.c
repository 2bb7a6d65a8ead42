/* Threads and the scheduler (uniprocessor). Every scheduler structure is
 * guarded by disabling interrupts: the ready queues, all_threads, the sleep
 * list, and thread states. A thread switches away only inside schedule(),
 * with interrupts off; the thread switched to re-enables them as it returns
 * to wherever it blocked.
 *
 * Life cycle: thread_create -> READY <-> RUNNING -> (BLOCKED -> READY)* ->
 * DYING. A dying thread's stack is freed after the switch away from it: by
 * its joiner, or by the next thread to run when it was detached. */
#include "boot/boot.h"
#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/panic.h"
#include "kernel/pic.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "mm/kstack.h"
#include "proc/process.h"
#include "proc/switch.h"
#include "proc/thread.h"

#define THREAD_MAGIC    0x7468726561646d67ull
#define PRIORITY_LEVELS (PRIORITY_MAX + 1)
#define STACK_CANARY    0x5354434b43414e59ull /* at the lowest stack word */

static struct list ready[PRIORITY_LEVELS];
static struct list all_threads;
static struct list sleepers; /* sorted by wake_tick */
static struct thread *current;
static struct thread *idle_thread;
static struct thread *reap_pending; /* detached thread that just died */
static struct thread main_thread;
static int next_tid = 1;

struct thread *thread_current(void)
{
    ASSERT(current && current->magic == (uint32_t)THREAD_MAGIC);
    return current;
}

static void thread_setup(struct thread *t, const char *name, int priority)
{
    memset(t, 0, sizeof *t);
    strlcpy(t->name, name, sizeof t->name);
    t->priority = priority;
    t->tid = next_tid++;
    t->magic = (uint32_t)THREAD_MAGIC;
    sema_init(&t->done, 0);
    list_node_init(&t->sched_node);
    uint64_t f = irq_save();
    list_push_back(&all_threads, &t->all_node);
    irq_restore(f);
}

void thread_init(void)
{
    for (int i = 0; i < PRIORITY_LEVELS; i++)
        list_init(&ready[i]);
    list_init(&all_threads);
    list_init(&sleepers);
    thread_setup(&main_thread, "main", PRIORITY_DEFAULT);
    main_thread.stack = boot_stack_bottom;
    *(uint64_t *)main_thread.stack = STACK_CANARY;
    main_thread.state = THREAD_RUNNING;
    current = &main_thread;
}

/* ready_push_locked: queue T to run (interrupts off). */
static void ready_push_locked(struct thread *t)
{
    t->state = THREAD_READY;
    list_push_back(&ready[t->priority], &t->sched_node);
}

static struct thread *ready_pop_locked(void)
{
    for (int p = PRIORITY_MAX; p >= 0; p--) {
        struct list_node *n = list_pop_front(&ready[p]);
        if (n)
            return list_entry(n, struct thread, sched_node);
    }
    return idle_thread;
}

static int ready_top_priority_locked(void)
{
    for (int p = PRIORITY_MAX; p >= 0; p--)
        if (!list_empty(&ready[p]))
            return p;
    return -1;
}

static void thread_free(struct thread *t)
{
    uint64_t f = irq_save();
    list_remove(&t->all_node);
    irq_restore(f);
    kstack_free(t->stack);
    t->magic = 0;
    kfree(t);
}

/* schedule_tail: runs in the thread just switched to: reap a detached dying
 * thread and point the TSS at our stack. */
static void schedule_tail(void)
{
    tss_set_kernel_stack((uint64_t)current->stack + KSTACK_SIZE);
    process_activate(current);
    if (reap_pending && reap_pending != current) {
        struct thread *dead = reap_pending;
        reap_pending = NULL;
        thread_free(dead);
    }
}

/* schedule: switch to the next ready thread; the caller has set current's
 * new state and interrupts are off. */
static void schedule(void)
{
    ASSERT(!interrupts_enabled());
    struct thread *prev = current, *next = ready_pop_locked();
    if (!next)
        next = prev; /* before thread_start there is no idle thread */
    if (prev->magic != (uint32_t)THREAD_MAGIC || *(uint64_t *)prev->stack != STACK_CANARY)
        panic("schedule: thread %s overflowed its stack", prev->name);
    next->state = THREAD_RUNNING;
    next->slice_ticks = 0;
    current = next;
    if (next != prev)
        switch_context(&prev->rsp, next->rsp);
    schedule_tail();
}

void thread_run_first(thread_fn *fn, void *arg)
{
    schedule_tail();
    sti();
    fn(arg);
    thread_exit();
}

/* stack_prepare: make T's first switch_context return into the trampoline. */
static void stack_prepare(struct thread *t, thread_fn *fn, void *arg)
{
    /* The switch's ret leaves rsp at the 16-aligned top; the trampoline
     * then pushes a null return address, so thread_run_first starts with
     * rsp % 16 == 8 like any called function (System V ABI). */
    uint64_t *sp = (uint64_t *)((char *)t->stack + KSTACK_SIZE);
    *--sp = (uint64_t)thread_trampoline;
    *--sp = 0;             /* rbp */
    *--sp = 0;             /* rbx */
    *--sp = (uint64_t)fn;  /* r12 */
    *--sp = (uint64_t)arg; /* r13 */
    *--sp = 0;             /* r14 */
    *--sp = 0;             /* r15 */
    t->rsp = (uint64_t)sp;
}

struct thread *thread_create(const char *name, int priority, thread_fn *fn, void *arg)
{
    ASSERT(priority >= PRIORITY_MIN && priority <= PRIORITY_MAX);
    struct thread *t = kmalloc(sizeof *t);
    if (!t)
        return NULL;
    void *stack = kstack_alloc();
    if (!stack) {
        kfree(t);
        return NULL;
    }
    thread_setup(t, name, priority);
    t->stack = stack;
    stack_prepare(t, fn, arg);
    *(uint64_t *)t->stack = STACK_CANARY;
    uint64_t f = irq_save();
    ready_push_locked(t);
    irq_restore(f);
    if (priority > thread_current()->priority)
        thread_yield();
    return t;
}

void thread_detach(struct thread *t)
{
    uint64_t f = irq_save();
    if (t->state == THREAD_DYING)
        reap_pending = t; /* freed at the next switch */
    else
        t->detached = true;
    irq_restore(f);
}

void thread_join(struct thread *t)
{
    ASSERT(t != thread_current() && !t->detached);
    sema_down(&t->done);
    thread_free(t);
}

void thread_exit(void)
{
    cli();
    struct thread *t = thread_current();
    t->state = THREAD_DYING;
    if (t->detached)
        reap_pending = t;
    else
        sema_up(&t->done);
    schedule();
    NOT_REACHED();
}

void thread_yield(void)
{
    uint64_t f = irq_save();
    struct thread *t = thread_current();
    if (t != idle_thread)
        ready_push_locked(t);
    else
        t->state = THREAD_READY;
    schedule();
    irq_restore(f);
}

void thread_block(void)
{
    ASSERT(!interrupts_enabled() && !irq_in_handler());
    thread_current()->state = THREAD_BLOCKED;
    schedule();
}

void thread_unblock(struct thread *t)
{
    uint64_t f = irq_save();
    ASSERT(t->state == THREAD_BLOCKED);
    ready_push_locked(t);
    if (t->priority > current->priority) {
        if (irq_in_handler())
            irq_yield_on_return();
        else if (f & RFLAGS_IF)
            thread_yield();
    }
    irq_restore(f);
}

void thread_sleep(uint64_t ticks)
{
    uint64_t f = irq_save();
    struct thread *t = thread_current();
    t->wake_tick = timer_ticks() + ticks;
    struct list_node *pos = sleepers.head.next;
    while (pos != &sleepers.head &&
           list_entry(pos, struct thread, sched_node)->wake_tick <= t->wake_tick)
        pos = pos->next;
    list_insert_before(pos, &t->sched_node);
    thread_block();
    irq_restore(f);
}

/* wake_sleepers_locked: unblock every sleeper whose time has come. */
static void wake_sleepers_locked(uint64_t now)
{
    struct list_node *n;
    while ((n = list_front(&sleepers)) &&
           list_entry(n, struct thread, sched_node)->wake_tick <= now) {
        list_remove(n);
        thread_unblock(list_entry(n, struct thread, sched_node));
    }
}

void thread_tick(void)
{
    struct thread *t = current;
    wake_sleepers_locked(timer_ticks());
    if (t == idle_thread) {
        if (ready_top_priority_locked() >= 0)
            irq_yield_on_return();
        return;
    }
    if (++t->slice_ticks >= THREAD_TIME_SLICE && ready_top_priority_locked() >= t->priority)
        irq_yield_on_return();
}

void thread_set_priority(int priority)
{
    ASSERT(priority >= PRIORITY_MIN && priority <= PRIORITY_MAX);
    uint64_t f = irq_save();
    thread_current()->priority = priority;
    bool preempt = ready_top_priority_locked() > priority;
    irq_restore(f);
    if (preempt)
        thread_yield();
}

int thread_count(void)
{
    uint64_t f = irq_save();
    int n = (int)list_size(&all_threads);
    irq_restore(f);
    return n;
}

static void idle_loop(void *arg)
{
    (void)arg;
    for (;;) {
        cli();
        idle_thread->state = THREAD_BLOCKED;
        if (ready_top_priority_locked() >= 0) {
            schedule();
            sti();
            continue;
        }
        __asm__ volatile("sti; hlt" ::: "memory"); /* sti delays IRQs by one insn */
    }
}

void thread_start(void)
{
    idle_thread = thread_create("idle", PRIORITY_MIN, idle_loop, NULL);
    if (!idle_thread)
        boot_fail("out of memory for the idle thread");
    uint64_t f = irq_save();
    list_remove(&idle_thread->sched_node); /* idle never sits in a ready queue */
    idle_thread->state = THREAD_READY;
    irq_restore(f);
    sti();
}
