/* Physical memory manager: one bit per frame (1 = used) from physical 0 up
 * to the end of the highest usable RAM, stored in frames carved from RAM
 * itself. Allocation is next-fit from a rotating hint; contiguous runs scan
 * for COUNT clear bits. Everything not reported "available" by Multiboot2,
 * page 0, the kernel image, the boot information, modules and the bitmap
 * itself stay marked used forever.
 *
 * Lock: pmm_lock (spinlock) guards the bitmap, the hint and the counters. */
#include <stdbool.h>
#include "kernel/cmdline.h"
#include "kernel/multiboot.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/pmm.h"

#define BITS_PER_WORD     64
#define BOOT_MAPPED_LIMIT (1ull << 30) /* the boot page tables map 1 GiB */

static struct spinlock pmm_lock;
static uint64_t *frame_bits; /* bit set = frame in use */
static size_t frame_limit;   /* frames covered by the bitmap */
static size_t free_frames, total_frames;
static size_t next_hint;

static bool bit_test(size_t f)
{
    return frame_bits[f / BITS_PER_WORD] >> (f % BITS_PER_WORD) & 1;
}
static void bit_set(size_t f)
{
    frame_bits[f / BITS_PER_WORD] |= 1ull << (f % BITS_PER_WORD);
}
static void bit_clear(size_t f)
{
    frame_bits[f / BITS_PER_WORD] &= ~(1ull << (f % BITS_PER_WORD));
}

static struct mb2_tag_mmap *mmap_tag(paddr_t mbi)
{
    struct mb2_tag_mmap *m = (struct mb2_tag_mmap *)mb2_find_tag(mbi, MB2_TAG_MMAP);
    if (!m)
        panic("pmm_init: no Multiboot2 memory map");
    return m;
}

#define for_each_mmap_entry(e, m)                                                          \
    for (struct mb2_mmap_entry *e = (m)->entries; (char *)e < (char *)(m) + (m)->tag.size; \
         e = (struct mb2_mmap_entry *)((char *)e + (m)->entry_size))

/* usable_end: end address of available RAM once LIMIT bytes (0 = all) are
 * counted in ascending order; RAM past it is ignored (mem= cap). */
static paddr_t usable_end(struct mb2_tag_mmap *m, uint64_t limit)
{
    paddr_t end = 0;
    uint64_t counted = 0;
    for_each_mmap_entry(e, m)
    {
        if (e->type != MB2_MMAP_AVAILABLE)
            continue;
        uint64_t len = e->length;
        if (limit && counted + len > limit)
            len = limit - counted;
        counted += len;
        if (len && e->base + len > end)
            end = e->base + len;
    }
    return PAGE_ROUND_DOWN(end);
}

/* reserve_range: mark frames overlapping [start, end) used. */
static void reserve_range(paddr_t start, paddr_t end)
{
    for (size_t f = start / PAGE_SIZE; f < PAGE_ROUND_UP(end) / PAGE_SIZE && f < frame_limit; f++) {
        if (!bit_test(f)) {
            bit_set(f);
            free_frames--;
        }
    }
}

/* place_bitmap: find BYTES of available RAM below the boot mapping that
 * overlap neither the kernel nor the boot information. */
static paddr_t place_bitmap(struct mb2_tag_mmap *m, size_t bytes, paddr_t mbi, paddr_t end)
{
    paddr_t kstart = virt_to_phys(_kernel_start), kend = virt_to_phys(_kernel_end);
    paddr_t mstart = PAGE_ROUND_DOWN(mbi), mend = PAGE_ROUND_UP(mbi + mb2_total_size(mbi));
    for_each_mmap_entry(e, m)
    {
        if (e->type != MB2_MMAP_AVAILABLE)
            continue;
        paddr_t a = PAGE_ROUND_UP(e->base < PAGE_SIZE ? PAGE_SIZE : e->base);
        paddr_t lim = e->base + e->length;
        if (lim > end)
            lim = end;
        for (; a + bytes <= lim && a + bytes <= BOOT_MAPPED_LIMIT; a += PAGE_SIZE) {
            bool hits_kernel = a < kend && a + bytes > kstart;
            bool hits_mbi = a < mend && a + bytes > mstart;
            if (!hits_kernel && !hits_mbi)
                return a;
        }
    }
    panic("pmm_init: no room for the frame bitmap");
}

static void reserve_modules(paddr_t mbi)
{
    for (struct mb2_tag *t = mb2_first_tag(mbi); t; t = mb2_next_tag(t)) {
        if (t->type == MB2_TAG_MODULE) {
            struct mb2_tag_module *mod = (struct mb2_tag_module *)t;
            reserve_range(mod->mod_start, mod->mod_end);
        }
    }
}

void pmm_init(paddr_t mbi)
{
    struct mb2_tag_mmap *m = mmap_tag(mbi);
    paddr_t end = usable_end(m, kernel_cmdline.mem_limit);
    spin_init(&pmm_lock, "pmm");
    frame_limit = end / PAGE_SIZE;
    size_t bitmap_bytes = PAGE_ROUND_UP((frame_limit + BITS_PER_WORD - 1) / BITS_PER_WORD * 8);
    paddr_t bitmap_pa = place_bitmap(m, bitmap_bytes, mbi, end);
    frame_bits = phys_to_virt(bitmap_pa);
    memset(frame_bits, 0xff, bitmap_bytes);
    for_each_mmap_entry(e, m)
    {
        if (e->type != MB2_MMAP_AVAILABLE)
            continue;
        paddr_t s = PAGE_ROUND_UP(e->base), t = PAGE_ROUND_DOWN(e->base + e->length);
        for (size_t f = s / PAGE_SIZE; f < t / PAGE_SIZE && f < frame_limit; f++) {
            bit_clear(f);
            free_frames++;
        }
    }
    reserve_range(0, PAGE_SIZE);
    reserve_range(virt_to_phys(_kernel_start), virt_to_phys(_kernel_end));
    reserve_range(mbi, mbi + mb2_total_size(mbi));
    reserve_range(bitmap_pa, bitmap_pa + bitmap_bytes);
    reserve_modules(mbi);
    total_frames = free_frames;
}

/* find_run_locked: first index of COUNT clear bits at or after the hint
 * (wrapping once), or 0 (frame 0 is never free). */
static size_t find_run_locked(size_t count)
{
    for (size_t pass = 0, f = next_hint; pass < 2; pass++, f = 1) {
        size_t run = 0;
        for (; f < frame_limit; f++) {
            run = bit_test(f) ? 0 : run + 1;
            if (run == count)
                return f + 1 - count;
        }
    }
    return 0;
}

paddr_t pmm_alloc_contig(size_t count)
{
    if (count == 0)
        return 0;
    spin_lock(&pmm_lock);
    size_t f = free_frames >= count ? find_run_locked(count) : 0;
    if (f) {
        for (size_t i = 0; i < count; i++)
            bit_set(f + i);
        free_frames -= count;
        next_hint = f + count < frame_limit ? f + count : 1;
    }
    spin_unlock(&pmm_lock);
    return (paddr_t)f * PAGE_SIZE;
}

paddr_t pmm_alloc(void)
{
    return pmm_alloc_contig(1);
}

void pmm_free_contig(paddr_t pa, size_t count)
{
    size_t f = pa / PAGE_SIZE;
    if (pa & PAGE_MASK || f == 0 || f + count > frame_limit)
        panic("pmm_free: bad frame 0x%lx", pa);
    spin_lock(&pmm_lock);
    for (size_t i = 0; i < count; i++) {
        if (!bit_test(f + i))
            panic("pmm_free: double free of frame 0x%lx", (f + i) * PAGE_SIZE);
        bit_clear(f + i);
    }
    free_frames += count;
    spin_unlock(&pmm_lock);
}

void pmm_free(paddr_t pa)
{
    pmm_free_contig(pa, 1);
}

void *pmm_alloc_page(void)
{
    paddr_t pa = pmm_alloc();
    if (!pa)
        return NULL;
    void *kva = phys_to_virt(pa);
    memset(kva, 0, PAGE_SIZE);
    return kva;
}

void pmm_free_page(void *kva)
{
    if (kva)
        pmm_free(virt_to_phys(kva));
}

size_t pmm_free_count(void)
{
    return free_frames;
}
size_t pmm_total_count(void)
{
    return total_frames;
}
paddr_t pmm_max_phys(void)
{
    return (paddr_t)frame_limit * PAGE_SIZE;
}
