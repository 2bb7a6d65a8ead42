/* System timer: the 8254 PIT on IRQ 0 at TIMER_HZ, and callouts: functions
 * the timer interrupt calls once a given tick has come (what timed waits,
 * sema_down_timeout, are built on). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kernel/list.h"

#define TIMER_HZ 100

void timer_init(void);
/* timer_ticks: ticks since boot. */
uint64_t timer_ticks(void);

/* A call to make from the timer interrupt. Owned by its user (often on
 * the user's stack): it must stay alive until it ran or was cancelled. */
struct timer_callout {
    struct list_node node; /* in the callout list while pending */
    uint64_t tick;         /* due at this tick */
    void (*fn)(void *arg); /* runs in interrupt context, interrupts off */
    void *arg;
};

/* timer_callout_add: call FN(ARG) once, from the timer interrupt of the
 * tick TICKS (>= 1) ticks from now. C must not be pending already. */
void timer_callout_add(struct timer_callout *c, uint64_t ticks, void (*fn)(void *arg), void *arg);
/* timer_callout_cancel: make sure C (added before) does not run; nothing
 * if it ran already. */
void timer_callout_cancel(struct timer_callout *c);
