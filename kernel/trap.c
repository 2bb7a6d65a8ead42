/* IDT setup and the C side of every interrupt: dispatch to registered
 * handlers, recovery through trap_catch and the exception table, and the
 * fatal path that dumps the frame and panics. */
#include <stddef.h>
#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "kernel/trap.h"
#include "mm/kstack.h"
#include "mm/memlayout.h"

#define IDT_INTERRUPT_GATE 0x8e /* present, DPL0, 64-bit interrupt gate */
#define IDT_DPL3           0x60

struct idt_entry {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;
    uint8_t type_attr;
    uint16_t offset_mid;
    uint32_t offset_high;
    uint32_t reserved;
} __attribute__((packed));

struct idt_ptr {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

/* trap_catch_arm (trap_entry.asm) stores the registers at these offsets. */
_Static_assert(offsetof(struct trap_catch, rbx) == 0 && offsetof(struct trap_catch, rbp) == 8 &&
                   offsetof(struct trap_catch, r12) == 16 &&
                   offsetof(struct trap_catch, r13) == 24 &&
                   offsetof(struct trap_catch, r14) == 32 &&
                   offsetof(struct trap_catch, r15) == 40 &&
                   offsetof(struct trap_catch, rsp) == 48 && offsetof(struct trap_catch, rip) == 56,
               "struct trap_catch does not match trap_catch_arm");

static struct idt_entry idt[VEC_COUNT];
static trap_handler_t handlers[VEC_COUNT];
struct trap_catch *trap_active_catch; /* armed by trap_catch_arm (asm) */

static const char *const exception_names[VEC_EXCEPTION_COUNT] = {
    "divide error",
    "debug",
    "NMI",
    "breakpoint",
    "overflow",
    "bound range",
    "invalid opcode",
    "device not available",
    "double fault",
    "coprocessor overrun",
    "invalid TSS",
    "segment not present",
    "stack fault",
    "general protection",
    "page fault",
    "reserved",
    "x87 floating point",
    "alignment check",
    "machine check",
    "SIMD floating point",
    "virtualization",
    "control protection",
};

static void idt_set_gate(unsigned vector, uint8_t ist, uint8_t dpl_bits)
{
    uint64_t off = trap_stub_table[vector];
    idt[vector] = (struct idt_entry){
        .offset_low = off & 0xffff,
        .selector = SEL_KCODE,
        .ist = ist,
        .type_attr = IDT_INTERRUPT_GATE | dpl_bits,
        .offset_mid = (off >> 16) & 0xffff,
        .offset_high = off >> 32,
    };
}

void trap_init(void)
{
    for (unsigned v = 0; v < VEC_COUNT; v++)
        idt_set_gate(v, 0, 0);
    idt_set_gate(VEC_DOUBLE_FAULT, IST_DOUBLE_FAULT, 0);
    idt_set_gate(VEC_NMI, IST_NMI, 0);
    idt_set_gate(VEC_MACHINE_CHECK, IST_MACHINE_CHECK, 0);
    struct idt_ptr ptr = {sizeof idt - 1, (uint64_t)idt};
    __asm__ volatile("lidt %0" ::"m"(ptr));
}

void trap_set_handler(unsigned vector, trap_handler_t handler, bool user_callable)
{
    ASSERT(vector < VEC_COUNT);
    handlers[vector] = handler;
    idt_set_gate(vector, idt[vector].ist, user_callable ? IDT_DPL3 : 0);
}

bool trap_from_user(const struct trap_frame *tf)
{
    return (tf->cs & 3) == 3;
}

void trap_catch_disarm(void)
{
    trap_active_catch = NULL;
}

/* trap_try_catch: resume the armed trap_catch after a kernel fault, if the
 * fault came from below the arming frame on the same stack (not from
 * another thread that ran while the catch was armed). */
static bool trap_try_catch(struct trap_frame *tf)
{
    struct trap_catch *tc = trap_active_catch;
    if (!tc || trap_from_user(tf) || tf->vector >= VEC_EXCEPTION_COUNT)
        return false;
    if (tf->rsp > tc->rsp || tc->rsp - tf->rsp >= KSTACK_SIZE)
        return false;
    trap_active_catch = NULL;
    tc->vector = tf->vector;
    tc->error_code = tf->error_code;
    tc->cr2 = read_cr2();
    tf->rbx = tc->rbx, tf->rbp = tc->rbp, tf->r12 = tc->r12;
    tf->r13 = tc->r13, tf->r14 = tc->r14, tf->r15 = tc->r15;
    tf->rsp = tc->rsp;
    tf->rip = tc->rip;
    tf->rax = 1;
    return true;
}

/* extable_find: the exception-table entry of instruction RIP, or NULL. */
static const struct extable_entry *extable_find(uint64_t rip)
{
    for (const struct extable_entry *e = __start_extable; e < __stop_extable; e++)
        if (e->insn == rip)
            return e;
    return NULL;
}

bool trap_in_extable(const struct trap_frame *tf)
{
    return !trap_from_user(tf) && extable_find(tf->rip);
}

/* trap_try_extable: resume at the fixup of a faulting user-copy routine. */
static bool trap_try_extable(struct trap_frame *tf)
{
    const struct extable_entry *e = extable_find(tf->rip);
    if (e)
        tf->rip = e->fixup;
    return e;
}

void trap_dump(const struct trap_frame *tf)
{
    const char *name = tf->vector < VEC_EXCEPTION_COUNT && exception_names[tf->vector]
                           ? exception_names[tf->vector]
                           : "interrupt";
    printf("Trap %lu (%s), error code 0x%lx, %s mode\n", tf->vector, name, tf->error_code,
           trap_from_user(tf) ? "user" : "kernel");
    printf(" rip %016lx  cs %04lx  rflags %016lx  cr2 %016lx\n", tf->rip, tf->cs, tf->rflags,
           read_cr2());
    printf(" rsp %016lx  ss %04lx  cr3 %016lx\n", tf->rsp, tf->ss, read_cr3());
    printf(" rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n", tf->rax, tf->rbx, tf->rcx, tf->rdx);
    printf(" rsi %016lx  rdi %016lx  rbp %016lx  r8  %016lx\n", tf->rsi, tf->rdi, tf->rbp, tf->r8);
    printf(" r9  %016lx  r10 %016lx  r11 %016lx  r12 %016lx\n", tf->r9, tf->r10, tf->r11, tf->r12);
    printf(" r13 %016lx  r14 %016lx  r15 %016lx\n", tf->r13, tf->r14, tf->r15);
}

/* The exception table goes first: it matches the faulting instruction
 * exactly, while a trap_catch takes any fault below its frame. */
void trap_unhandled(struct trap_frame *tf)
{
    if ((!trap_from_user(tf) && trap_try_extable(tf)) || trap_try_catch(tf))
        return;
    trap_dump(tf);
    if (tf->vector == VEC_DOUBLE_FAULT && kstack_is_guard(read_cr2()))
        panic_at(tf->rip, tf->rbp, "kernel stack overflow (guard page at 0x%lx)",
                 PAGE_ROUND_DOWN(read_cr2()));
    panic_at(tf->rip, tf->rbp, "unexpected %s exception %lu",
             trap_from_user(tf) ? "user" : "kernel", tf->vector);
}

void trap_dispatch(struct trap_frame *tf)
{
#ifdef KERNEL_DEBUG
    ASSERT(!(read_rflags() & (RFLAGS_DF | RFLAGS_AC)));
#endif
    trap_handler_t h = handlers[tf->vector];
    if (h) {
        h(tf);
        return;
    }
    if (tf->vector < VEC_EXCEPTION_COUNT) {
        trap_unhandled(tf);
        return;
    }
    printf("trap: unexpected interrupt %lu ignored\n", tf->vector);
}
