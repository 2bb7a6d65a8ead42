/* Synchronization: spinlocks that disable interrupts (for data shared with
 * interrupt handlers), and sleeping primitives for threads: counting
 * semaphores, locks with an owner (no recursion), condition variables.
 * sema_up may be called from an interrupt handler; everything that may
 * sleep (sema_down, lock_acquire, cond_wait) only from thread context. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kernel/list.h"

struct thread;

struct spinlock {
    volatile uint32_t locked;
    uint64_t saved_flags; /* RFLAGS of the holder before it disabled IRQs */
    const char *name;
};
void spin_init(struct spinlock *s, const char *name);
/* spin_lock: disable interrupts, then take S. */
void spin_lock(struct spinlock *s);
/* spin_unlock: release S and restore the interrupt flag saved by spin_lock. */
void spin_unlock(struct spinlock *s);

struct semaphore {
    unsigned value;
    struct list waiters; /* threads blocked in sema_down */
};
void sema_init(struct semaphore *s, unsigned value);
void sema_down(struct semaphore *s);
/* sema_down_timeout: sema_down, giving up after TICKS timer ticks: true if
 * S was decremented, false if the time ran out first (S unchanged). Thread
 * context. */
bool sema_down_timeout(struct semaphore *s, uint64_t ticks);
/* sema_try_down: decrement without sleeping; false if the value was 0. */
bool sema_try_down(struct semaphore *s);
void sema_up(struct semaphore *s);

struct lock {
    struct thread *holder;
    struct semaphore sema;
};
void lock_init(struct lock *l);
void lock_acquire(struct lock *l);
bool lock_try_acquire(struct lock *l);
void lock_release(struct lock *l);
bool lock_held_by_current_thread(const struct lock *l);

struct condvar {
    struct list waiters;
};
void cond_init(struct condvar *c);
/* cond_wait: atomically release L and sleep until signalled; reacquires L. */
void cond_wait(struct condvar *c, struct lock *l);
void cond_signal(struct condvar *c, struct lock *l);
void cond_broadcast(struct condvar *c, struct lock *l);
