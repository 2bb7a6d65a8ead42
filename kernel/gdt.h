/* Global descriptor table and task-state segment. The selector layout is
 * fixed by syscall/sysret: kernel code, kernel data, user data, user code. */
#pragma once
#include <stdint.h>

#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UDATA (0x18 | 3)
#define SEL_UCODE (0x20 | 3)
#define SEL_TSS   0x28

/* Interrupt stack table slots (1-based, as the IDT encodes them). */
#define IST_DOUBLE_FAULT  1
#define IST_NMI           2
#define IST_MACHINE_CHECK 3

void gdt_init(void);
/* tss_set_kernel_stack: stack the CPU switches to on entry from ring 3. */
void tss_set_kernel_stack(uint64_t rsp0);
