/* System timer: the 8254 PIT on IRQ 0 at TIMER_HZ. */
#pragma once
#include <stdint.h>

#define TIMER_HZ 100

void timer_init(void);
/* timer_ticks: ticks since boot. */
uint64_t timer_ticks(void);
