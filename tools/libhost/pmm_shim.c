/* Host stand-in for the frame allocator: each frame (or contiguous run) is
 * an aligned_alloc(PAGE_SIZE) block, and its "physical address" is chosen
 * so that phys_to_virt()/virt_to_phys() of mm/memlayout.h map it back (the
 * arithmetic wraps). SHIM_TOTAL_FRAMES bounds what can be handed out, so
 * huge requests fail as they would on a machine. Freed runs go through a
 * small FIFO quarantine before really being freed, so that a double kfree
 * in a death test reads the dead descriptor (and panics) instead of
 * tripping ASan on freed host memory. Single-threaded. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/panic.h"
#include "mm/pmm.h"
#include "tools/libhost/shim.h"

#define SHIM_TOTAL_FRAMES (64u * 1024) /* 256 MiB worth of frames */
#define SHIM_QUARANTINE   64u

static size_t shim_used;
static size_t shim_fail_budget = SIZE_MAX;
static void *shim_quarantine[SHIM_QUARANTINE];
static size_t shim_quarantine_next;

void shim_pmm_fail_after(size_t n)
{
    shim_fail_budget = n;
}

void shim_pmm_fail_reset(void)
{
    shim_fail_budget = SIZE_MAX;
}

/* shim_alloc: COUNT frames as one host block, or NULL. */
static void *shim_alloc(size_t count)
{
    if (count == 0 || count > SHIM_TOTAL_FRAMES - shim_used || shim_fail_budget == 0)
        return NULL;
    void *p = aligned_alloc(PAGE_SIZE, count * PAGE_SIZE);
    if (!p)
        return NULL;
    if (shim_fail_budget != SIZE_MAX)
        shim_fail_budget--;
    shim_used += count;
    memset(p, 0xA5, count * PAGE_SIZE); /* "contents undefined" */
    return p;
}

/* shim_release: account COUNT frames at P as free; quarantine P. */
static void shim_release(void *p, size_t count)
{
    if (!p || ((uintptr_t)p & PAGE_MASK) || count > shim_used)
        panic("pmm_shim: bad free %p", p);
    shim_used -= count;
    free(shim_quarantine[shim_quarantine_next]);
    shim_quarantine[shim_quarantine_next] = p;
    shim_quarantine_next = (shim_quarantine_next + 1) % SHIM_QUARANTINE;
}

void pmm_init(paddr_t mbi)
{
    (void)mbi;
}

paddr_t pmm_alloc(void)
{
    return pmm_alloc_contig(1);
}

paddr_t pmm_alloc_contig(size_t count)
{
    void *p = shim_alloc(count);
    return p ? virt_to_phys(p) : 0;
}

void pmm_free(paddr_t pa)
{
    pmm_free_contig(pa, 1);
}

void pmm_free_contig(paddr_t pa, size_t count)
{
    shim_release(phys_to_virt(pa), count);
}

void *pmm_alloc_page(void)
{
    void *p = shim_alloc(1);
    if (p)
        memset(p, 0, PAGE_SIZE);
    return p;
}

void pmm_free_page(void *kva)
{
    shim_release(kva, 1);
}

size_t pmm_free_count(void)
{
    return SHIM_TOTAL_FRAMES - shim_used;
}

size_t pmm_total_count(void)
{
    return SHIM_TOTAL_FRAMES;
}

paddr_t pmm_max_phys(void)
{
    return (paddr_t)SHIM_TOTAL_FRAMES * PAGE_SIZE;
}

/* shim_pmm_drain: really free the quarantined blocks (for LeakSanitizer). */
__attribute__((destructor)) static void shim_pmm_drain(void)
{
    for (size_t i = 0; i < SHIM_QUARANTINE; i++) {
        free(shim_quarantine[i]);
        shim_quarantine[i] = NULL;
    }
}

/* paging_kernel_virt_to_phys: virt_to_phys's slow path. Host pointers are
 * "physical" addresses seen through the direct-map arithmetic of
 * mm/memlayout.h, so undo that arithmetic. */
paddr_t paging_kernel_virt_to_phys(uint64_t va)
{
    return va - DIRECT_MAP_BASE;
}
