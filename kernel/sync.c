/* Sleeping synchronization primitives built on thread_block/unblock.
 * Interrupts are disabled around each primitive's own state (uniprocessor),
 * which is what makes sema_up safe from interrupt handlers. Waiters are
 * woken in FIFO order, highest priority first. */
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/pic.h"
#include "kernel/sync.h"
#include "kernel/timer.h"
#include "proc/thread.h"

void sema_init(struct semaphore *s, unsigned value)
{
    s->value = value;
    list_init(&s->waiters);
}

void sema_down(struct semaphore *s)
{
    ASSERT(!irq_in_handler());
    uint64_t f = irq_save();
    while (s->value == 0) {
        list_push_back(&s->waiters, &thread_current()->sched_node);
        thread_block();
    }
    s->value--;
    irq_restore(f);
}

/* sema_alarm_ring: the wait of thread ARG in sema_down_timeout timed out
 * (timer interrupt). The callout is pending only while that thread is
 * blocked there, so a blocked thread is still on the semaphore's waiters
 * (sema_up takes it off and makes it ready in one step): take it off and
 * wake it. */
static void sema_alarm_ring(void *arg)
{
    struct thread *t = arg;
    if (t->state != THREAD_BLOCKED)
        return;
    list_remove(&t->sched_node);
    thread_unblock(t);
}

bool sema_down_timeout(struct semaphore *s, uint64_t ticks)
{
    ASSERT(!irq_in_handler());
    uint64_t f = irq_save();
    uint64_t deadline = timer_ticks() + ticks;
    struct timer_callout c;
    while (s->value == 0 && timer_ticks() < deadline) {
        timer_callout_add(&c, deadline - timer_ticks(), sema_alarm_ring, thread_current());
        list_push_back(&s->waiters, &thread_current()->sched_node);
        thread_block();
        timer_callout_cancel(&c);
    }
    bool taken = s->value > 0;
    if (taken)
        s->value--;
    irq_restore(f);
    return taken;
}

bool sema_try_down(struct semaphore *s)
{
    uint64_t f = irq_save();
    bool ok = s->value > 0;
    if (ok)
        s->value--;
    irq_restore(f);
    return ok;
}

/* pop_best_waiter: remove and return the highest-priority waiter of LIST
 * (the earliest among equals), or NULL. */
static struct thread *pop_best_waiter(struct list *list)
{
    struct thread *best = NULL;
    list_for_each(n, list)
    {
        struct thread *t = list_entry(n, struct thread, sched_node);
        if (!best || t->priority > best->priority)
            best = t;
    }
    if (best)
        list_remove(&best->sched_node);
    return best;
}

/* sema_up: wake the best waiter; from thread context with interrupts on,
 * yield at once if it outranks us (thread_unblock cannot: it runs with
 * interrupts off here). */
void sema_up(struct semaphore *s)
{
    uint64_t f = irq_save();
    s->value++;
    struct thread *t = pop_best_waiter(&s->waiters);
    bool preempt = false;
    if (t) {
        thread_unblock(t);
        preempt = t->priority > thread_current()->priority;
    }
    irq_restore(f);
    if (preempt && (f & RFLAGS_IF) && !irq_in_handler())
        thread_yield();
}

void lock_init(struct lock *l)
{
    l->holder = NULL;
    sema_init(&l->sema, 1);
}

void lock_acquire(struct lock *l)
{
    if (lock_held_by_current_thread(l))
        panic("lock_acquire: recursive acquisition by %s", thread_current()->name);
    sema_down(&l->sema);
    l->holder = thread_current();
}

bool lock_try_acquire(struct lock *l)
{
    ASSERT(!lock_held_by_current_thread(l));
    bool ok = sema_try_down(&l->sema);
    if (ok)
        l->holder = thread_current();
    return ok;
}

void lock_release(struct lock *l)
{
    if (!lock_held_by_current_thread(l))
        panic("lock_release: lock not held by %s", thread_current()->name);
    l->holder = NULL;
    sema_up(&l->sema);
}

bool lock_held_by_current_thread(const struct lock *l)
{
    return l->holder == thread_current();
}

/* A condition variable waiter: one private semaphore per waiting thread. */
struct cond_waiter {
    struct list_node node;
    struct semaphore sema;
    int priority;
};

void cond_init(struct condvar *c)
{
    list_init(&c->waiters);
}

void cond_wait(struct condvar *c, struct lock *l)
{
    ASSERT(lock_held_by_current_thread(l));
    struct cond_waiter w;
    sema_init(&w.sema, 0);
    w.priority = thread_current()->priority;
    list_push_back(&c->waiters, &w.node);
    lock_release(l);
    sema_down(&w.sema);
    lock_acquire(l);
}

void cond_signal(struct condvar *c, struct lock *l)
{
    ASSERT(lock_held_by_current_thread(l));
    struct cond_waiter *best = NULL;
    list_for_each(n, &c->waiters)
    {
        struct cond_waiter *w = list_entry(n, struct cond_waiter, node);
        if (!best || w->priority > best->priority)
            best = w;
    }
    if (best) {
        list_remove(&best->node);
        sema_up(&best->sema);
    }
}

void cond_broadcast(struct condvar *c, struct lock *l)
{
    while (!list_empty(&c->waiters))
        cond_signal(c, l);
}
