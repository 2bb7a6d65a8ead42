/* Kernel heap: size classes carved from whole pages, large requests as runs
 * of pages. Safe from thread context; not from interrupt handlers. */
#pragma once
#include <stddef.h>

/* kmalloc: SIZE bytes aligned to 16, or NULL (also when SIZE overflows).
 * Blocks are never page aligned: use pmm_alloc_page for a page. kmalloc(0)
 * returns a unique minimal block that kfree accepts. */
void *kmalloc(size_t size);
/* kzalloc: like kmalloc, zero-filled. */
void *kzalloc(size_t size);
/* kfree: release a block from kmalloc/kzalloc; NULL is ignored. */
void kfree(void *ptr);

struct kmalloc_stats {
    size_t bytes_in_use; /* bytes requested by live allocations */
    size_t pages_in_use; /* pages the heap holds from the frame allocator */
};
/* kmalloc_get_stats: current usage (the leak audit compares snapshots). */
void kmalloc_get_stats(struct kmalloc_stats *out);
