/* PIT channel 0 in rate-generator mode at TIMER_HZ. Every tick counts and
 * hands the scheduler its time-slice accounting (thread_tick). */
#include "kernel/cpu.h"
#include "kernel/pic.h"
#include "kernel/timer.h"
#include "proc/thread.h"

#define PIT_FREQUENCY     1193182
#define PIT_CHANNEL0      0x40
#define PIT_COMMAND       0x43
#define PIT_CH0_LOHI_RATE 0x34 /* channel 0, lobyte/hibyte, mode 2 */

static volatile uint64_t ticks;

static void timer_interrupt(struct trap_frame *tf)
{
    (void)tf;
    ticks++;
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
