/* Kernel thread stacks: KSTACK_PAGES pages each, mapped in their own slot
 * of the stack region (mm/memlayout.h) below an unmapped guard page, so an
 * overflow faults (a double fault on the IST stack) instead of silently
 * corrupting memory. The frames need not be contiguous. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "mm/memlayout.h"

#define KSTACK_PAGES 4
#define KSTACK_SIZE  (KSTACK_PAGES * PAGE_SIZE)

/* kstack_init: set up the slots and the region's page tables (boot). */
void kstack_init(void);
/* kstack_alloc: a new stack; returns its lowest address (the stack grows
 * down from lowest + KSTACK_SIZE), or NULL when out of memory or slots. */
void *kstack_alloc(void);
/* kstack_free: unmap and free the stack at BOTTOM (from kstack_alloc). */
void kstack_free(void *bottom);
/* kstack_is_guard: true if ADDR lies in the guard page of a stack slot or
 * of the boot stack. */
bool kstack_is_guard(uint64_t addr);
/* kstack_in_use: stacks allocated now (for leak checks). */
size_t kstack_in_use(void);
