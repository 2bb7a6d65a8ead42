/* 8259 PIC driver and the common IRQ path: acknowledge (EOI), filter
 * spurious IRQ 7/15, run the registered handler, and let the scheduler
 * preempt the interrupted thread on the way out. */
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/pic.h"
#include "kernel/printf.h"
#include "proc/thread.h"

#define PIC1_CMD               0x20
#define PIC1_DATA              0x21
#define PIC2_CMD               0xa0
#define PIC2_DATA              0xa1
#define ICW1_INIT_ICW4         0x11
#define ICW4_8086              0x01
#define PIC_EOI                0x20
#define PIC_READ_ISR           0x0b
#define PIC_IRQS_PER_CHIP      8
#define CASCADE_MASK_ON_MASTER (1u << IRQ_CASCADE)
#define CASCADE_IDENTITY       2

static trap_handler_t irq_handlers[VEC_IRQ_COUNT];
static uint16_t irq_mask_bits = 0xffff & ~CASCADE_MASK_ON_MASTER;
static bool in_irq, yield_requested;
static unsigned long spurious_count;

static void pic_write_masks(void)
{
    outb(PIC1_DATA, irq_mask_bits & 0xff);
    outb(PIC2_DATA, irq_mask_bits >> 8);
}

static uint16_t pic_read_isr(void)
{
    outb(PIC1_CMD, PIC_READ_ISR);
    outb(PIC2_CMD, PIC_READ_ISR);
    return (uint16_t)(inb(PIC2_CMD) << 8) | inb(PIC1_CMD);
}

static void pic_eoi(unsigned irq)
{
    if (irq >= PIC_IRQS_PER_CHIP)
        outb(PIC2_CMD, PIC_EOI);
    outb(PIC1_CMD, PIC_EOI);
}

/* irq_spurious: IRQ 7/15 raised with no ISR bit set: no EOI to the chip
 * that raised it (the master still needs one for a slave's spurious IRQ). */
static bool irq_spurious(unsigned irq)
{
    if (irq != IRQ_SPURIOUS_MASTER && irq != IRQ_SPURIOUS_SLAVE)
        return false;
    if (pic_read_isr() & (1u << irq))
        return false;
    if (irq == IRQ_SPURIOUS_SLAVE)
        outb(PIC1_CMD, PIC_EOI);
    spurious_count++;
    return true;
}

static void irq_dispatch(struct trap_frame *tf)
{
    unsigned irq = tf->vector - VEC_IRQ_BASE;
    if (irq_spurious(irq))
        return;
    in_irq = true;
    if (irq_handlers[irq])
        irq_handlers[irq](tf);
    in_irq = false;
    pic_eoi(irq);
    if (yield_requested) {
        yield_requested = false;
        thread_yield();
    }
}

void pic_init(void)
{
    outb(PIC1_CMD, ICW1_INIT_ICW4);
    io_wait();
    outb(PIC2_CMD, ICW1_INIT_ICW4);
    io_wait();
    outb(PIC1_DATA, VEC_IRQ_BASE);
    outb(PIC2_DATA, VEC_IRQ_BASE + PIC_IRQS_PER_CHIP);
    outb(PIC1_DATA, CASCADE_MASK_ON_MASTER);
    outb(PIC2_DATA, CASCADE_IDENTITY);
    outb(PIC1_DATA, ICW4_8086);
    outb(PIC2_DATA, ICW4_8086);
    pic_write_masks();
    for (unsigned irq = 0; irq < VEC_IRQ_COUNT; irq++)
        trap_set_handler(VEC_IRQ_BASE + irq, irq_dispatch, false);
}

void irq_register(unsigned irq, trap_handler_t handler)
{
    ASSERT(irq < VEC_IRQ_COUNT);
    irq_handlers[irq] = handler;
    irq_unmask(irq);
}

void irq_mask(unsigned irq)
{
    uint64_t f = irq_save();
    irq_mask_bits |= 1u << irq;
    pic_write_masks();
    irq_restore(f);
}

void irq_unmask(unsigned irq)
{
    uint64_t f = irq_save();
    irq_mask_bits &= ~(1u << irq);
    pic_write_masks();
    irq_restore(f);
}

bool irq_in_handler(void)
{
    return in_irq;
}

void irq_yield_on_return(void)
{
    yield_requested = true;
}
