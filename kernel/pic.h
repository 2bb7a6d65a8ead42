/* 8259A programmable interrupt controllers (master + slave), remapped so
 * IRQ 0..15 arrive at vectors VEC_IRQ_BASE..VEC_IRQ_BASE+15. */
#pragma once
#include <stdbool.h>
#include "kernel/trap.h"

#define IRQ_TIMER           0
#define IRQ_KEYBOARD        1
#define IRQ_CASCADE         2
#define IRQ_COM1            4
#define IRQ_SPURIOUS_MASTER 7
#define IRQ_SPURIOUS_SLAVE  15

void pic_init(void);
/* irq_register: run HANDLER (in interrupt context) for IRQ and unmask it. */
void irq_register(unsigned irq, trap_handler_t handler);
/* irq_mask/irq_unmask: gate one IRQ line. */
void irq_mask(unsigned irq);
void irq_unmask(unsigned irq);
/* irq_in_handler: true while an IRQ handler runs (it must not sleep). */
bool irq_in_handler(void);
/* irq_yield_on_return: ask to reschedule when the current IRQ returns. */
void irq_yield_on_return(void);
