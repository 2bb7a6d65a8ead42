/* Physical memory manager: hands out 4 KiB frames from the RAM the
 * Multiboot2 memory map reports, never the kernel image, the boot
 * information, modules, or page 0. Frames are addressed by physical address;
 * 0 means "no frame". Safe from any context (spinlock inside). */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "mm/memlayout.h"

/* pmm_init: build the free-frame set from the Multiboot2 info at MBI
 * (physical address), honouring the mem= cap of the command line. */
void pmm_init(paddr_t mbi);

/* pmm_alloc: one frame (contents undefined), or 0 when none is free. */
paddr_t pmm_alloc(void);
/* pmm_alloc_contig: COUNT physically contiguous frames, or 0. */
paddr_t pmm_alloc_contig(size_t count);
/* pmm_free: return the frame at PA (page aligned, previously allocated). */
void pmm_free(paddr_t pa);
void pmm_free_contig(paddr_t pa, size_t count);

/* pmm_alloc_page: one zeroed frame, returned as its direct-map address, or
 * NULL. pmm_free_page frees it. */
void *pmm_alloc_page(void);
void pmm_free_page(void *kva);

size_t pmm_free_count(void);  /* frames free now */
size_t pmm_total_count(void); /* frames managed */
paddr_t pmm_max_phys(void);   /* end of the highest usable RAM (for the direct map) */
