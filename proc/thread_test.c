/* Unit tests of threads, the scheduler and the sleeping primitives: a lock
 * under contention, a bounded buffer on condition variables, sleep order,
 * timer preemption, semaphores and their timed waits, join, priorities (of
 * the ready queue and of wake-ups), lock_try_acquire, and the stack
 * alignment of new threads.
 * Every test joins all its threads and checks that threads, frames and heap
 * bytes are back to their values before it. Shared state is static: tests
 * run one at a time in the main thread. */
#include <stdint.h>
#include "kernel/cpu.h"
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "proc/thread.h"

#define WORKERS          8
#define LOCK_ROUNDS      50
#define BUFFER_SLOTS     4
#define ITEMS            100
#define SLEEPERS         5
#define SLEEP_STEP       3              /* ticks between deadlines */
#define SPIN_LIMIT_TICKS (5 * TIMER_HZ) /* a spinner gives up after this */
#define PING_ROUNDS      20
#define PRIO_LOW         (PRIORITY_DEFAULT - 10)
#define PRIO_HIGH        (PRIORITY_DEFAULT + 10)
#define EVENTS_MAX       16
#define STACK_ALIGN      16

/* Leak check around a test. */
struct snapshot {
    int threads;
    size_t frames;
    size_t heap_bytes;
};

static void snap(struct snapshot *s)
{
    struct kmalloc_stats st;
    kmalloc_get_stats(&st);
    s->threads = thread_count();
    s->frames = pmm_free_count();
    s->heap_bytes = st.bytes_in_use;
}

static bool snap_same(const struct snapshot *before)
{
    struct snapshot now;
    snap(&now);
    return now.threads == before->threads && now.frames == before->frames &&
           now.heap_bytes == before->heap_bytes;
}

/* An event log: threads append small integers in the order things happen. */
static struct {
    int n;
    int ev[EVENTS_MAX];
} events;

static void event(int v)
{
    uint64_t f = irq_save();
    if (events.n < EVENTS_MAX)
        events.ev[events.n++] = v;
    irq_restore(f);
}

/* events_are: the log equals WANT[0..N). */
static bool events_are(const int *want, int n)
{
    if (events.n != n)
        return false;
    for (int i = 0; i < n; i++)
        if (events.ev[i] != want[i])
            return false;
    return true;
}

/* ---- lock contention ---- */

static struct lock counter_lock;
static volatile int counter;

static void lock_worker(void *arg)
{
    for (int i = 0; i < LOCK_ROUNDS; i++) {
        lock_acquire(&counter_lock);
        int v = counter;
        thread_yield(); /* invite a race the lock must prevent */
        counter = v + 1;
        lock_release(&counter_lock);
    }
}

KTEST(threads, lock_contention)
{
    struct snapshot before;
    snap(&before);
    struct thread *t[WORKERS];
    lock_init(&counter_lock);
    counter = 0;
    for (int i = 0; i < WORKERS; i++) {
        t[i] = thread_create("locker", PRIORITY_DEFAULT, lock_worker, NULL);
        KT_ASSERT(t[i]);
    }
    for (int i = 0; i < WORKERS; i++)
        thread_join(t[i]);
    KT_ASSERT(counter == WORKERS * LOCK_ROUNDS);
    KT_ASSERT(counter_lock.holder == NULL);
    KT_ASSERT(snap_same(&before));
}

/* ---- bounded buffer on condition variables ---- */

static struct {
    struct lock lock;
    struct condvar not_full, not_empty;
    int slots[BUFFER_SLOTS];
    int head, count;
    int consumed, out_of_order;
} buf;

static void producer(void *arg)
{
    for (int i = 1; i <= ITEMS; i++) {
        lock_acquire(&buf.lock);
        while (buf.count == BUFFER_SLOTS)
            cond_wait(&buf.not_full, &buf.lock);
        buf.slots[(buf.head + buf.count++) % BUFFER_SLOTS] = i;
        cond_signal(&buf.not_empty, &buf.lock);
        lock_release(&buf.lock);
    }
}

static void consumer(void *arg)
{
    for (int i = 1; i <= ITEMS; i++) {
        lock_acquire(&buf.lock);
        while (buf.count == 0)
            cond_wait(&buf.not_empty, &buf.lock);
        int v = buf.slots[buf.head];
        buf.head = (buf.head + 1) % BUFFER_SLOTS;
        buf.count--;
        buf.out_of_order += v != i;
        buf.consumed++;
        cond_signal(&buf.not_full, &buf.lock);
        lock_release(&buf.lock);
        if (i % 7 == 0)
            thread_yield(); /* vary the interleaving */
    }
}

KTEST(threads, condvar_bounded_buffer)
{
    struct snapshot before;
    snap(&before);
    memset(&buf, 0, sizeof buf);
    lock_init(&buf.lock);
    cond_init(&buf.not_full);
    cond_init(&buf.not_empty);
    struct thread *c = thread_create("consumer", PRIORITY_DEFAULT, consumer, NULL);
    struct thread *p = thread_create("producer", PRIORITY_DEFAULT, producer, NULL);
    KT_ASSERT(c && p);
    thread_join(p);
    thread_join(c);
    KT_ASSERT(buf.consumed == ITEMS);
    KT_ASSERT(buf.out_of_order == 0);
    KT_ASSERT(buf.count == 0);
    KT_ASSERT(list_empty(&buf.not_full.waiters) && list_empty(&buf.not_empty.waiters));
    KT_ASSERT(snap_same(&before));
}

static struct semaphore bcast_ready;
static struct condvar bcast_cond;
static struct lock bcast_lock;
static bool bcast_go;

static void bcast_waiter(void *arg)
{
    lock_acquire(&bcast_lock);
    sema_up(&bcast_ready);
    while (!bcast_go)
        cond_wait(&bcast_cond, &bcast_lock);
    event(1);
    lock_release(&bcast_lock);
}

KTEST(threads, condvar_broadcast)
{
    struct snapshot before;
    snap(&before);
    struct thread *t[WORKERS];
    events.n = 0;
    bcast_go = false;
    sema_init(&bcast_ready, 0);
    cond_init(&bcast_cond);
    lock_init(&bcast_lock);
    for (int i = 0; i < WORKERS; i++)
        KT_ASSERT((t[i] = thread_create("waiter", PRIORITY_DEFAULT, bcast_waiter, NULL)));
    for (int i = 0; i < WORKERS; i++)
        sema_down(&bcast_ready);
    lock_acquire(&bcast_lock); /* every waiter is now inside cond_wait */
    bcast_go = true;
    cond_broadcast(&bcast_cond, &bcast_lock);
    lock_release(&bcast_lock);
    for (int i = 0; i < WORKERS; i++)
        thread_join(t[i]);
    KT_ASSERT(events.n == WORKERS);
    KT_ASSERT(snap_same(&before));
}

/* ---- sleeping ---- */

static void sleeper(void *arg)
{
    int steps = (int)(intptr_t)arg;
    uint64_t start = timer_ticks();
    thread_sleep((uint64_t)steps * SLEEP_STEP);
    if (timer_ticks() - start < (uint64_t)steps * SLEEP_STEP)
        event(-1); /* woke early */
    event(steps);
}

KTEST(threads, sleep_order)
{
    struct snapshot before;
    snap(&before);
    static const int steps[SLEEPERS] = {5, 1, 4, 2, 3};
    static const int want[SLEEPERS] = {1, 2, 3, 4, 5};
    struct thread *t[SLEEPERS];
    events.n = 0;
    for (int i = 0; i < SLEEPERS; i++)
        KT_ASSERT((t[i] = thread_create("sleeper", PRIORITY_DEFAULT, sleeper,
                                        (void *)(intptr_t)steps[i])));
    for (int i = 0; i < SLEEPERS; i++)
        thread_join(t[i]);
    KT_ASSERT(events_are(want, SLEEPERS));
    KT_ASSERT(snap_same(&before));
}

KTEST(threads, sleep_main_thread)
{
    uint64_t start = timer_ticks();
    thread_sleep(2);
    KT_ASSERT(timer_ticks() - start >= 2);
    thread_sleep(0); /* returns without hanging */
}

/* ---- preemption ---- */

static volatile bool spin_release;
static volatile bool spin_timed_out;

static void spinner(void *arg)
{
    uint64_t start = timer_ticks();
    while (!spin_release) {
        if (timer_ticks() - start > SPIN_LIMIT_TICKS) {
            spin_timed_out = true;
            return;
        }
    }
}

static void releaser(void *arg)
{
    spin_release = true;
}

KTEST(threads, timer_preempts_spinner)
{
    struct snapshot before;
    snap(&before);
    spin_release = false;
    spin_timed_out = false;
    struct thread *s = thread_create("spinner", PRIORITY_DEFAULT, spinner, NULL);
    struct thread *r = thread_create("releaser", PRIORITY_DEFAULT, releaser, NULL);
    KT_ASSERT(s && r);
    thread_join(s); /* the spinner runs first; only preemption lets r in */
    thread_join(r);
    KT_ASSERT(!spin_timed_out);
    KT_ASSERT(spin_release);
    KT_ASSERT(snap_same(&before));
}

/* ---- semaphores ---- */

static struct semaphore ping, pong;
static int ping_count;

static void ponger(void *arg)
{
    for (int i = 0; i < PING_ROUNDS; i++) {
        sema_down(&ping);
        ping_count++;
        sema_up(&pong);
    }
}

KTEST(threads, semaphore_ping_pong)
{
    struct snapshot before;
    snap(&before);
    sema_init(&ping, 0);
    sema_init(&pong, 0);
    ping_count = 0;
    struct thread *t = thread_create("ponger", PRIORITY_DEFAULT, ponger, NULL);
    KT_ASSERT(t);
    bool lockstep = true;
    for (int i = 0; i < PING_ROUNDS; i++) {
        sema_up(&ping);
        sema_down(&pong);
        lockstep &= ping_count == i + 1;
    }
    thread_join(t);
    KT_ASSERT(lockstep);
    KT_ASSERT(snap_same(&before));
}

KTEST(threads, semaphore_counting)
{
    struct semaphore s;
    sema_init(&s, 3);
    KT_ASSERT(sema_try_down(&s));
    KT_ASSERT(sema_try_down(&s));
    sema_down(&s); /* value 1: must not block */
    KT_ASSERT(!sema_try_down(&s));
    sema_up(&s);
    sema_up(&s);
    KT_ASSERT(s.value == 2);
    KT_ASSERT(list_empty(&s.waiters));
}

#define TIMED_WAIT_TICKS 5 /* a timed wait that nobody ends */

/* A timed wait that runs out: false after at least the given ticks, the
 * semaphore untouched and its waiter list empty again. */
KTEST(threads, semaphore_timeout_expires)
{
    struct semaphore s;
    sema_init(&s, 0);
    uint64_t t0 = timer_ticks();
    KT_ASSERT(!sema_down_timeout(&s, TIMED_WAIT_TICKS));
    KT_ASSERT(timer_ticks() - t0 >= TIMED_WAIT_TICKS);
    KT_ASSERT(s.value == 0 && list_empty(&s.waiters));
    KT_ASSERT(!sema_down_timeout(&s, 0));
    sema_up(&s);
    KT_ASSERT(sema_down_timeout(&s, 0)); /* available: taken without waiting */
    KT_ASSERT(s.value == 0);
}

static struct semaphore timed_sema;

static void timed_upper(void *arg)
{
    thread_sleep((uint64_t)(uintptr_t)arg);
    sema_up(&timed_sema);
}

/* A timed wait ended by sema_up before the deadline returns true at once,
 * and its callout is gone (a later wait times out on its own terms). */
KTEST(threads, semaphore_timeout_woken)
{
    struct snapshot before;
    snap(&before);
    sema_init(&timed_sema, 0);
    struct thread *t = thread_create("upper", PRIORITY_DEFAULT, timed_upper, (void *)2);
    KT_ASSERT(t);
    uint64_t t0 = timer_ticks();
    bool got = sema_down_timeout(&timed_sema, SPIN_LIMIT_TICKS);
    uint64_t waited = timer_ticks() - t0;
    thread_join(t);
    KT_ASSERT(got);
    KT_ASSERT(waited < SPIN_LIMIT_TICKS);
    KT_ASSERT(!sema_down_timeout(&timed_sema, TIMED_WAIT_TICKS));
    KT_ASSERT(timed_sema.value == 0 && list_empty(&timed_sema.waiters));
    KT_ASSERT(snap_same(&before));
}

static struct semaphore wake_sema;

static void prio_waiter(void *arg)
{
    sema_down(&wake_sema);
    event((int)(intptr_t)arg);
}

KTEST(threads, semaphore_wakes_highest_priority)
{
    struct snapshot before;
    snap(&before);
    static const int prios[4] = {PRIO_HIGH + 1, PRIO_HIGH + 3, PRIO_HIGH, PRIO_HIGH + 2};
    /* each sema_up wakes the best waiter, which preempts main (0) at once */
    static const int want[8] = {PRIO_HIGH + 3, 0, PRIO_HIGH + 2, 0, PRIO_HIGH + 1, 0, PRIO_HIGH, 0};
    struct thread *t[4];
    sema_init(&wake_sema, 0);
    events.n = 0;
    /* each runs at once (higher than main) and blocks on the semaphore */
    for (int i = 0; i < 4; i++)
        KT_ASSERT(
            (t[i] = thread_create("pwait", prios[i], prio_waiter, (void *)(intptr_t)prios[i])));
    for (int i = 0; i < 4; i++) {
        sema_up(&wake_sema);
        event(0);
    }
    for (int i = 0; i < 4; i++)
        thread_join(t[i]);
    KT_ASSERT(events_are(want, 8));
    KT_ASSERT(snap_same(&before));
}

/* ---- join ---- */

static void quick(void *arg)
{
    event((int)(intptr_t)arg);
}

static void slow(void *arg)
{
    thread_sleep(3);
    event((int)(intptr_t)arg);
}

KTEST(threads, join)
{
    struct snapshot before;
    snap(&before);
    events.n = 0;
    /* already dead when joined (it ran at once: higher priority) */
    struct thread *a = thread_create("quick", PRIO_HIGH, quick, (void *)1);
    KT_ASSERT(a);
    KT_ASSERT(events.n == 1);
    /* still sleeping when joined */
    struct thread *b = thread_create("slow", PRIORITY_DEFAULT, slow, (void *)2);
    KT_ASSERT(b);
    thread_join(b);
    KT_ASSERT(events.n == 2);
    thread_join(a);
    static const int want[2] = {1, 2};
    KT_ASSERT(events_are(want, 2));
    KT_ASSERT(snap_same(&before));
}

/* ---- priorities ---- */

KTEST(threads, priorities)
{
    struct snapshot before;
    snap(&before);
    events.n = 0;
    struct thread *hi = thread_create("high", PRIO_HIGH, quick, (void *)1);
    event(2); /* main: high already ran */
    struct thread *lo = thread_create("low", PRIO_LOW, quick, (void *)4);
    event(3); /* main: low has not run yet */
    KT_ASSERT(hi && lo);
    thread_join(lo);
    thread_join(hi);
    static const int want[4] = {1, 2, 3, 4};
    KT_ASSERT(events_are(want, 4));
    KT_ASSERT(snap_same(&before));
}

KTEST(threads, set_priority_yields)
{
    struct snapshot before;
    snap(&before);
    events.n = 0;
    struct thread *t = thread_create("mid", PRIO_LOW, quick, (void *)2);
    KT_ASSERT(t);
    event(1);
    thread_set_priority(PRIO_LOW - 1); /* now below t: t runs at once */
    event(3);
    thread_set_priority(PRIORITY_DEFAULT);
    thread_join(t);
    static const int want[3] = {1, 2, 3};
    KT_ASSERT(events_are(want, 3));
    KT_ASSERT(thread_current()->priority == PRIORITY_DEFAULT);
    KT_ASSERT(snap_same(&before));
}

/* ---- lock_try_acquire ---- */

static struct lock try_lock;
static volatile int try_result;

static void try_taker(void *arg)
{
    try_result = lock_try_acquire(&try_lock);
    if (try_result)
        lock_release(&try_lock);
}

KTEST(threads, lock_try_acquire)
{
    struct snapshot before;
    snap(&before);
    lock_init(&try_lock);
    KT_ASSERT(lock_try_acquire(&try_lock));
    KT_ASSERT(lock_held_by_current_thread(&try_lock));
    try_result = -1;
    struct thread *t = thread_create("try", PRIO_HIGH, try_taker, NULL);
    KT_ASSERT(t);
    thread_join(t);
    KT_ASSERT(try_result == 0); /* held by main */
    lock_release(&try_lock);
    KT_ASSERT(!lock_held_by_current_thread(&try_lock));
    t = thread_create("try", PRIO_HIGH, try_taker, NULL);
    KT_ASSERT(t);
    thread_join(t);
    KT_ASSERT(try_result == 1);
    KT_ASSERT(try_lock.holder == NULL);
    KT_ASSERT(snap_same(&before));
}

/* ---- stack alignment (System V: rsp + 8 is 16-aligned at function entry) ---- */

static volatile uintptr_t aligned_addr;

static __attribute__((noinline)) void note_aligned_local(void)
{
    char local[STACK_ALIGN] __attribute__((aligned(STACK_ALIGN)));
    uintptr_t p = (uintptr_t)local;
    __asm__ volatile("" : "+r"(p)); /* hide the address from the optimizer */
    aligned_addr = p;
}

static void align_probe(void *arg)
{
    note_aligned_local();
}

KTEST(threads, new_thread_stack_aligned)
{
    struct snapshot before;
    snap(&before);
    aligned_addr = 1;
    struct thread *t = thread_create("align", PRIO_HIGH, align_probe, NULL);
    KT_ASSERT(t);
    thread_join(t);
    KT_ASSERT(aligned_addr % STACK_ALIGN == 0);
    KT_ASSERT(snap_same(&before));
}
