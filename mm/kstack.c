/* Kernel stack allocator. The stack region is cut into slots of
 * KSTACK_PAGES + 1 pages; the lowest page of each slot stays unmapped (the
 * guard), the others map frames from the frame allocator one by one. The
 * region's page tables hang below a PDPT created by paging_init and shared
 * by every address space, so a stack mapped once is visible everywhere
 * (and pt_unmap flushes it whatever table is active).
 *
 * Every page table of the region is made at boot (kstack_init), so mapping
 * a stack never allocates a table page and the leak audit sees only the
 * stack frames come and go.
 *
 * Lock: kstack_lock (spinlock) guards the slot bitmap and the count. */
#include "boot/boot.h"
#include "kernel/bitmap.h"
#include "kernel/panic.h"
#include "kernel/sync.h"
#include "mm/kstack.h"
#include "mm/paging.h"
#include "mm/pmm.h"

#define KSTACK_SLOTS     2048 /* more than processes (PROC_MAX) plus kernel threads */
#define KSTACK_SLOT_SIZE ((KSTACK_PAGES + 1) * PAGE_SIZE)

static struct spinlock kstack_lock;
static uint64_t slot_storage[BITMAP_WORDS(KSTACK_SLOTS)];
static struct bitmap slots;
static size_t in_use;

_Static_assert(KSTACK_SLOTS *KSTACK_SLOT_SIZE <= KSTACK_REGION_SIZE, "stack region too small");

void kstack_init(void)
{
    spin_init(&kstack_lock, "kstack");
    bitmap_init(&slots, KSTACK_SLOTS, slot_storage);
    uint64_t end = KSTACK_REGION_BASE + KSTACK_SLOTS * KSTACK_SLOT_SIZE;
    for (uint64_t va = KSTACK_REGION_BASE; va < end; va += PT_LARGE_PAGE_SIZE)
        if (pt_prepare_table(pt_kernel(), va) < 0)
            boot_fail("out of memory for the kernel stack page tables");
}

/* slot_take: reserve a free slot; returns its index or BITMAP_ERROR. */
static size_t slot_take(void)
{
    spin_lock(&kstack_lock);
    size_t idx = bitmap_scan_and_flip(&slots, 0, 1, false);
    if (idx != BITMAP_ERROR)
        in_use++;
    spin_unlock(&kstack_lock);
    return idx;
}

static void slot_put(size_t idx)
{
    spin_lock(&kstack_lock);
    ASSERT(bitmap_test(&slots, idx));
    bitmap_reset(&slots, idx);
    in_use--;
    spin_unlock(&kstack_lock);
}

/* unmap_pages: unmap and free the first COUNT pages of the stack at BOTTOM. */
static void unmap_pages(uint64_t bottom, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        uint64_t va = bottom + i * PAGE_SIZE;
        paddr_t pa = pt_translate(pt_kernel(), va);
        pt_unmap(pt_kernel(), va);
        pmm_free(pa);
    }
}

void *kstack_alloc(void)
{
    size_t idx = slot_take();
    if (idx == BITMAP_ERROR)
        return NULL;
    uint64_t bottom = KSTACK_REGION_BASE + idx * KSTACK_SLOT_SIZE + PAGE_SIZE;
    for (size_t i = 0; i < KSTACK_PAGES; i++) {
        paddr_t pa = pmm_alloc();
        if (!pa || pt_map(pt_kernel(), bottom + i * PAGE_SIZE, pa, PTE_WRITABLE | PTE_NX) < 0) {
            if (pa)
                pmm_free(pa);
            unmap_pages(bottom, i);
            slot_put(idx);
            return NULL;
        }
    }
    return (void *)bottom;
}

void kstack_free(void *bottom)
{
    uint64_t b = (uint64_t)bottom;
    size_t idx = (b - KSTACK_REGION_BASE) / KSTACK_SLOT_SIZE;
    ASSERT(b >= KSTACK_REGION_BASE && idx < KSTACK_SLOTS &&
           b == KSTACK_REGION_BASE + idx * KSTACK_SLOT_SIZE + PAGE_SIZE);
    unmap_pages(b, KSTACK_PAGES);
    slot_put(idx);
}

bool kstack_is_guard(uint64_t addr)
{
    uint64_t end = KSTACK_REGION_BASE + KSTACK_SLOTS * KSTACK_SLOT_SIZE;
    if (PAGE_ROUND_DOWN(addr) == (uint64_t)boot_stack_bottom - PAGE_SIZE)
        return true; /* the main thread's stack (paging_init unmapped its guard) */
    return addr >= KSTACK_REGION_BASE && addr < end &&
           (addr - KSTACK_REGION_BASE) % KSTACK_SLOT_SIZE < PAGE_SIZE;
}

size_t kstack_in_use(void)
{
    return in_use;
}
