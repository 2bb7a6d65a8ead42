/* Physical memory manager: one bit per frame (1 = used) from physical 0 up
 * to the end of the highest usable RAM, a kernel/bitmap.h bitmap whose
 * storage is carved from RAM itself. Allocation is next-fit from a rotating
 * hint; a search skips full words and finds COUNT clear bits for contiguous
 * runs. Everything not reported "available" by Multiboot2, page 0, the
 * kernel image, the boot information, modules and the bitmap itself stay
 * marked used forever.
 *
 * Lock: pmm_lock (spinlock) guards the bitmap, the hint and the counters. */
#include <stdbool.h>
#include "kernel/bitmap.h"
#include "kernel/cmdline.h"
#include "kernel/multiboot.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/pmm.h"

#define BOOT_MAPPED_LIMIT (1ull << 30) /* the boot page tables map 1 GiB */
#define KIB               1024ull
#define MIB               (KIB * KIB)

static struct spinlock pmm_lock;
static struct bitmap frames; /* bit set = frame in use */
static size_t free_frames, total_frames;
static size_t next_hint;

static struct mb2_tag_mmap *mmap_tag(paddr_t mbi)
{
    struct mb2_tag_mmap *m = (struct mb2_tag_mmap *)mb2_find_tag(mbi, MB2_TAG_MMAP);
    if (!m)
        boot_fail("the boot loader gave no memory map (Multiboot2 tag 6)");
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

/* available_bytes: the RAM M reports available, all of it (no mem= cap). */
static uint64_t available_bytes(struct mb2_tag_mmap *m)
{
    uint64_t total = 0;
    for_each_mmap_entry(e, m)
    {
        if (e->type == MB2_MMAP_AVAILABLE)
            total += e->length;
    }
    return total;
}

/* mark_frames: set frames [FIRST, LAST) (clipped to the bitmap) to USED,
 * keeping free_frames right even if some already were (overlapping map
 * entries, reservations inside reservations). */
static void mark_frames(size_t first, size_t last, bool used)
{
    if (last > bitmap_size(&frames))
        last = bitmap_size(&frames);
    if (first >= last)
        return;
    size_t changed = bitmap_count(&frames, first, last - first, !used);
    bitmap_set_multiple(&frames, first, last - first, used);
    free_frames = used ? free_frames - changed : free_frames + changed;
}

/* reserve_range: mark frames overlapping [start, end) used. */
static void reserve_range(paddr_t start, paddr_t end)
{
    mark_frames(start / PAGE_SIZE, PAGE_ROUND_UP(end) / PAGE_SIZE, true);
}

/* overlaps: [A, A + N) and [START, END) share a byte. */
static bool overlaps(paddr_t a, size_t n, paddr_t start, paddr_t end)
{
    return a < end && a + n > start;
}

/* hits_module: [A, A + N) overlaps a boot module listed in MBI. */
static bool hits_module(paddr_t mbi, paddr_t a, size_t n)
{
    for (struct mb2_tag *t = mb2_first_tag(mbi); t; t = mb2_next_tag(t)) {
        struct mb2_tag_module *mod = (struct mb2_tag_module *)t;
        if (t->type == MB2_TAG_MODULE && overlaps(a, n, mod->mod_start, mod->mod_end))
            return true;
    }
    return false;
}

/* reserve_modules: mark the frames of every boot module used. */
static void reserve_modules(paddr_t mbi)
{
    for (struct mb2_tag *t = mb2_first_tag(mbi); t; t = mb2_next_tag(t)) {
        if (t->type == MB2_TAG_MODULE) {
            struct mb2_tag_module *mod = (struct mb2_tag_module *)t;
            reserve_range(mod->mod_start, mod->mod_end);
        }
    }
}

/* place_bitmap: find BYTES of available RAM below the boot mapping that
 * overlap neither the kernel, the boot information nor a module. */
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
            if (!overlaps(a, bytes, kstart, kend) && !overlaps(a, bytes, mstart, mend) &&
                !hits_module(mbi, a, bytes))
                return a;
        }
    }
    boot_fail("too little memory: no room for the frame bitmap (%zu KiB)", bytes / 1024);
}

void pmm_init(paddr_t mbi)
{
    struct mb2_tag_mmap *m = mmap_tag(mbi);
    uint64_t available = available_bytes(m);
    if (available < (uint64_t)KERNEL_MEM_MIN_MIB * MIB)
        boot_fail("too little memory: %lu KiB available, the kernel needs %d MiB",
                  (unsigned long)(available / KIB), KERNEL_MEM_MIN_MIB);
    paddr_t end = usable_end(m, kernel_cmdline.mem_limit);
    spin_init(&pmm_lock, "pmm");
    size_t frame_limit = end / PAGE_SIZE;
    size_t bitmap_bytes = PAGE_ROUND_UP(BITMAP_STORAGE_BYTES(frame_limit));
    paddr_t bitmap_pa = place_bitmap(m, bitmap_bytes, mbi, end);
    bitmap_init(&frames, frame_limit, phys_to_virt(bitmap_pa));
    bitmap_set_all(&frames, true);
    for_each_mmap_entry(e, m)
    {
        if (e->type == MB2_MMAP_AVAILABLE)
            mark_frames(PAGE_ROUND_UP(e->base) / PAGE_SIZE,
                        PAGE_ROUND_DOWN(e->base + e->length) / PAGE_SIZE, false);
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
    size_t f = bitmap_scan(&frames, next_hint, count, false);
    if (f == BITMAP_ERROR)
        f = bitmap_scan(&frames, 0, count, false);
    return f == BITMAP_ERROR ? 0 : f;
}

paddr_t pmm_alloc_contig(size_t count)
{
    if (count == 0)
        return 0;
    spin_lock(&pmm_lock);
    size_t f = free_frames >= count ? find_run_locked(count) : 0;
    if (f) {
        bitmap_set_multiple(&frames, f, count, true);
        free_frames -= count;
        next_hint = f + count < bitmap_size(&frames) ? f + count : 0;
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
    if (pa & PAGE_MASK || f == 0 || f >= bitmap_size(&frames) || count > bitmap_size(&frames) - f)
        panic("pmm_free: bad frame 0x%lx", pa);
    spin_lock(&pmm_lock);
    if (bitmap_contains(&frames, f, count, false)) /* within the run only */
        panic("pmm_free: double free in the %zu frames at 0x%lx", count, pa);
    bitmap_set_multiple(&frames, f, count, false);
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
    return (paddr_t)bitmap_size(&frames) * PAGE_SIZE;
}
