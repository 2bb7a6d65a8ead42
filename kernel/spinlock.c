/* Spinlocks for a uniprocessor kernel: taking one disables interrupts, so
 * the holder cannot be preempted or interrupted; the lock word catches
 * recursive acquisition, which would deadlock on a multiprocessor. */
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/sync.h"

void spin_init(struct spinlock *s, const char *name)
{
    s->locked = 0;
    s->saved_flags = 0;
    s->name = name;
}

void spin_lock(struct spinlock *s)
{
    uint64_t flags = irq_save();
    if (__atomic_exchange_n(&s->locked, 1, __ATOMIC_ACQUIRE))
        panic("spin_lock: %s already held", s->name);
    s->saved_flags = flags;
}

void spin_unlock(struct spinlock *s)
{
    uint64_t flags = s->saved_flags;
    ASSERT(s->locked);
    __atomic_store_n(&s->locked, 0, __ATOMIC_RELEASE);
    irq_restore(flags);
}
