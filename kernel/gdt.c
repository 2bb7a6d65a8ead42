/* GDT with flat 64-bit kernel and user segments and one TSS. The TSS holds
 * rsp0 (the current thread's kernel stack top, set on every switch) and the
 * IST stacks used for double faults, NMIs and machine checks, so those are
 * handled even when the kernel stack itself is broken. */
#include <stdint.h>
#include "kernel/gdt.h"
#include "kernel/string.h"

#define IST_STACK_SIZE 8192
#define IST_COUNT      3

/* Access bytes and flags of the descriptors. */
#define DESC_KCODE         0x00af9a000000ffffull /* present, DPL0, code, long mode */
#define DESC_KDATA         0x00cf92000000ffffull /* present, DPL0, data */
#define DESC_UDATA         0x00cff2000000ffffull /* present, DPL3, data */
#define DESC_UCODE         0x00affa000000ffffull /* present, DPL3, code, long mode */
#define TSS_TYPE_AVAILABLE 0x89                  /* present, 64-bit TSS available */

struct tss {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
} __attribute__((packed));

struct gdt_ptr {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

enum {
    GDT_NULL,
    GDT_KCODE,
    GDT_KDATA,
    GDT_UDATA,
    GDT_UCODE,
    GDT_TSS_LOW,
    GDT_TSS_HIGH,
    GDT_ENTRIES
};

static uint64_t gdt[GDT_ENTRIES];
static struct tss tss;
static uint8_t ist_stacks[IST_COUNT][IST_STACK_SIZE] __attribute__((aligned(16)));

/* tss_descriptor: fill the two GDT slots describing the TSS. */
static void tss_descriptor(void)
{
    uint64_t base = (uint64_t)&tss;
    uint64_t limit = sizeof tss - 1;
    gdt[GDT_TSS_LOW] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                       ((uint64_t)TSS_TYPE_AVAILABLE << 40) | (((limit >> 16) & 0xf) << 48) |
                       (((base >> 24) & 0xff) << 56);
    gdt[GDT_TSS_HIGH] = base >> 32;
}

/* gdt_load: load the GDTR, reload every segment register and the TR. */
static void gdt_load(void)
{
    struct gdt_ptr ptr = {sizeof gdt - 1, (uint64_t)gdt};
    __asm__ volatile("lgdt %0\n\t"
                     "pushq %1\n\t"
                     "leaq 1f(%%rip), %%rax\n\t"
                     "pushq %%rax\n\t"
                     "lretq\n"
                     "1:\n\t"
                     "movw %w2, %%ds\n\t"
                     "movw %w2, %%es\n\t"
                     "movw %w2, %%ss\n\t"
                     "xorl %%eax, %%eax\n\t"
                     "movw %%ax, %%fs\n\t"
                     "movw %%ax, %%gs\n\t"
                     "ltr %w3"
                     :
                     : "m"(ptr), "i"(SEL_KCODE), "r"(SEL_KDATA), "r"(SEL_TSS)
                     : "rax", "memory");
}

void gdt_init(void)
{
    gdt[GDT_NULL] = 0;
    gdt[GDT_KCODE] = DESC_KCODE;
    gdt[GDT_KDATA] = DESC_KDATA;
    gdt[GDT_UDATA] = DESC_UDATA;
    gdt[GDT_UCODE] = DESC_UCODE;
    memset(&tss, 0, sizeof tss);
    for (int i = 0; i < IST_COUNT; i++)
        tss.ist[i] = (uint64_t)&ist_stacks[i][IST_STACK_SIZE];
    tss.iomap_base = sizeof tss; /* no I/O permission bitmap */
    tss_descriptor();
    gdt_load();
}

void tss_set_kernel_stack(uint64_t rsp0)
{
    tss.rsp[0] = rsp0;
}
