/* PIT channel 0 in rate-generator mode at TIMER_HZ. Every tick counts,
 * runs the callouts that are due and hands the scheduler its time-slice
 * accounting (thread_tick).
 *
 * Callouts sit on one list sorted by due tick (interrupts off guards it,
 * uniprocessor); a tick pops the due ones before it calls each, so a
 * callout may add another. */
#include "kernel/cpu.h"
#include "kernel/pic.h"
#include "kernel/timer.h"
#include "proc/thread.h"

#define PIT_FREQUENCY     1193182
#define PIT_CHANNEL0      0x40
#define PIT_COMMAND       0x43
#define PIT_CH0_LOHI_RATE 0x34 /* channel 0, lobyte/hibyte, mode 2 */

static volatile uint64_t ticks;
static struct list callouts = {{&callouts.head, &callouts.head}}; /* sorted by tick */

/* run_callouts_locked: call every callout due at NOW (interrupts off). */
static void run_callouts_locked(uint64_t now)
{
    struct list_node *n;
    while ((n = list_front(&callouts)) && list_entry(n, struct timer_callout, node)->tick <= now) {
        struct timer_callout *c = list_entry(n, struct timer_callout, node);
        list_remove(n);
        c->fn(c->arg);
    }
}

static void timer_interrupt(struct trap_frame *tf)
{
    (void)tf;
    ticks++;
    run_callouts_locked(ticks);
    thread_tick();
}

void timer_init(void)
{
    unsigned divisor = (PIT_FREQUENCY + TIMER_HZ / 2) / TIMER_HZ;
    outb(PIT_COMMAND, PIT_CH0_LOHI_RATE);
    outb(PIT_CHANNEL0, divisor & 0xff);
    outb(PIT_CHANNEL0, divisor >> 8);
    irq_register(IRQ_TIMER, timer_interrupt);
}

uint64_t timer_ticks(void)
{
    return ticks;
}

void timer_callout_add(struct timer_callout *c, uint64_t delay, void (*fn)(void *arg), void *arg)
{
    uint64_t f = irq_save();
    c->tick = ticks + (delay ? delay : 1);
    c->fn = fn;
    c->arg = arg;
    struct list_node *pos = callouts.head.next;
    while (pos != &callouts.head && list_entry(pos, struct timer_callout, node)->tick <= c->tick)
        pos = pos->next;
    list_insert_before(pos, &c->node);
    irq_restore(f);
}

void timer_callout_cancel(struct timer_callout *c)
{
    uint64_t f = irq_save();
    if (list_node_linked(&c->node))
        list_remove(&c->node);
    irq_restore(f);
}
