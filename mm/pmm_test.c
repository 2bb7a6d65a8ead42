/* Unit tests of the frame allocator: exhaustion (every free frame handed
 * out exactly once, never page 0 nor the kernel image, each frame usable
 * through the direct map), contiguous runs, zeroed pages, and the mem= cap.
 * The frames handed out are tracked in a heap bitmap indexed by frame
 * number; every test gives back all it took before asserting. */
#include "kernel/bitmap.h"
#include "kernel/cmdline.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "mm/pmm.h"

#define CONTIG_RUNS 5
static const size_t contig_sizes[CONTIG_RUNS] = {1, 2, 3, 8, 64};

/* Problems seen while the allocator is exhausted: recorded, not asserted,
 * so the frames are always returned before the test ends. */
struct exhaust_result {
    size_t count;
    bool misaligned, page_zero, out_of_range, in_kernel, duplicate, marker_lost;
};

static bool in_kernel_image(paddr_t pa)
{
    return pa + PAGE_SIZE > virt_to_phys(_kernel_start) && pa < virt_to_phys(_kernel_end);
}

/* exhaust: pmm_alloc until it returns 0, marking each frame in TAKEN and
 * writing its own address into it; checks every frame on the way. */
static void exhaust(struct bitmap *taken, struct exhaust_result *r)
{
    paddr_t pa;
    while ((pa = pmm_alloc()) != 0) {
        size_t f = pa / PAGE_SIZE;
        r->misaligned |= (pa & PAGE_MASK) != 0;
        r->out_of_range |= pa >= pmm_max_phys();
        r->in_kernel |= in_kernel_image(pa);
        if ((pa & PAGE_MASK) || pa >= pmm_max_phys())
            continue; /* cannot track it; never freed (reported above) */
        r->duplicate |= bitmap_test(taken, f);
        bitmap_mark(taken, f);
        *(volatile paddr_t *)phys_to_virt(pa) = pa;
        r->count++;
    }
    r->page_zero = bitmap_test(taken, 0);
}

/* release: check the marker of and free every frame marked in TAKEN from
 * FIRST on; returns false if a frame lost its marker. */
static bool release(struct bitmap *taken, size_t first)
{
    bool ok = true;
    for (size_t f = first; f < bitmap_size(taken); f++) {
        if (!bitmap_test(taken, f))
            continue;
        paddr_t pa = (paddr_t)f * PAGE_SIZE;
        ok &= *(volatile paddr_t *)phys_to_virt(pa) == pa;
        bitmap_reset(taken, f);
        pmm_free(pa);
    }
    return ok;
}

static struct bitmap *frame_bitmap(void)
{
    return bitmap_create(pmm_max_phys() / PAGE_SIZE);
}

KTEST(pmm, counts_consistent)
{
    KT_ASSERT(pmm_total_count() > 0);
    KT_ASSERT(pmm_free_count() <= pmm_total_count());
    KT_ASSERT(pmm_total_count() <= pmm_max_phys() / PAGE_SIZE);
    KT_ASSERT((pmm_max_phys() & PAGE_MASK) == 0);
}

KTEST(pmm, exhaust_each_frame_once)
{
    struct bitmap *taken = frame_bitmap();
    KT_ASSERT(taken);
    size_t start = pmm_free_count();
    struct exhaust_result r = {0};
    exhaust(taken, &r);
    size_t free_when_empty = pmm_free_count();
    paddr_t extra = pmm_alloc_contig(1);
    bool markers_ok = release(taken, 0);
    size_t after = pmm_free_count();
    bitmap_destroy(taken);
    KT_ASSERT(extra == 0);
    KT_ASSERT(free_when_empty == 0);
    KT_ASSERT(!r.misaligned && !r.out_of_range);
    KT_ASSERT(!r.page_zero);
    KT_ASSERT(!r.in_kernel);
    KT_ASSERT(!r.duplicate);
    KT_ASSERT(markers_ok);
    KT_ASSERT(r.count == start);
    KT_ASSERT(after == start);
}

KTEST(pmm, alloc_after_free_all)
{
    /* the allocator still works after a full exhaust/free cycle */
    size_t start = pmm_free_count();
    paddr_t a = pmm_alloc(), b = pmm_alloc();
    KT_ASSERT(a && b && a != b);
    KT_ASSERT(pmm_free_count() == start - 2);
    pmm_free(a);
    pmm_free(b);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(pmm, alloc_page_zeroed)
{
    size_t start = pmm_free_count();
    unsigned char *p = pmm_alloc_page();
    KT_ASSERT(p);
    KT_ASSERT(((uint64_t)p & PAGE_MASK) == 0 && (uint64_t)p >= DIRECT_MAP_BASE);
    bool zero = true;
    for (size_t i = 0; i < PAGE_SIZE; i++)
        zero &= p[i] == 0;
    p[0] = p[PAGE_SIZE - 1] = 0xff;
    pmm_free_page(p);
    pmm_free_page(NULL);
    KT_ASSERT(zero);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(pmm, contig_bad_sizes)
{
    size_t start = pmm_free_count();
    KT_ASSERT(pmm_alloc_contig(0) == 0);
    KT_ASSERT(pmm_alloc_contig(pmm_total_count() + 1) == 0);
    KT_ASSERT(pmm_alloc_contig(pmm_max_phys() / PAGE_SIZE) == 0);
    KT_ASSERT(pmm_free_count() == start);
}

/* contig_runs_disjoint: RUNS[i] (SIZES[i] frames) must not hold a frame
 * also marked in TAKEN, nor overlap each other. */
static bool contig_runs_disjoint(struct bitmap *taken, const paddr_t *runs)
{
    for (int i = 0; i < CONTIG_RUNS; i++) {
        size_t f = runs[i] / PAGE_SIZE;
        if (bitmap_contains(taken, f, contig_sizes[i], true))
            return false;
        for (int j = 0; j < i; j++) {
            size_t g = runs[j] / PAGE_SIZE;
            if (f < g + contig_sizes[j] && g < f + contig_sizes[i])
                return false;
        }
    }
    return true;
}

KTEST(pmm, contig_runs)
{
    struct bitmap *taken = frame_bitmap();
    KT_ASSERT(taken);
    size_t start = pmm_free_count(), used = 0;
    paddr_t runs[CONTIG_RUNS];
    bool aligned = true, all_got = true;
    for (int i = 0; i < CONTIG_RUNS; i++) {
        runs[i] = pmm_alloc_contig(contig_sizes[i]);
        all_got &= runs[i] != 0;
        aligned &= (runs[i] & PAGE_MASK) == 0;
        used += contig_sizes[i];
    }
    size_t after_runs = pmm_free_count();
    /* every remaining frame, taken one by one, must lie outside the runs */
    struct exhaust_result r = {0};
    if (all_got)
        exhaust(taken, &r);
    bool disjoint = all_got && contig_runs_disjoint(taken, runs);
    bool markers_ok = release(taken, 0);
    for (int i = 0; i < CONTIG_RUNS; i++)
        if (runs[i])
            pmm_free_contig(runs[i], contig_sizes[i]);
    size_t after = pmm_free_count();
    bitmap_destroy(taken);
    KT_ASSERT(all_got && aligned);
    KT_ASSERT(after_runs == start - used);
    KT_ASSERT(!r.duplicate && !r.in_kernel && !r.page_zero && markers_ok);
    KT_ASSERT(r.count == start - used);
    KT_ASSERT(disjoint);
    KT_ASSERT(after == start);
}

/* find_pair: a frame F with F and F + 1 both marked in TAKEN, or 0. */
static size_t find_pair(struct bitmap *taken)
{
    size_t f = bitmap_scan(taken, 1, 2, true);
    return f == BITMAP_ERROR ? 0 : f;
}

KTEST(pmm, contig_needs_adjacent_frames)
{
    struct bitmap *taken = frame_bitmap();
    KT_ASSERT(taken);
    size_t start = pmm_free_count();
    struct exhaust_result r = {0};
    exhaust(taken, &r);
    /* free two frames that are not neighbours: no run of 2 exists */
    size_t lone_a = bitmap_scan(taken, 1, 1, true);
    size_t lone_b = lone_a == BITMAP_ERROR ? BITMAP_ERROR : bitmap_scan(taken, lone_a + 2, 1, true);
    paddr_t split = 0, pair = 0;
    size_t pair_f = 0;
    if (lone_b != BITMAP_ERROR) {
        bitmap_reset(taken, lone_a);
        bitmap_reset(taken, lone_b);
        pmm_free((paddr_t)lone_a * PAGE_SIZE);
        pmm_free((paddr_t)lone_b * PAGE_SIZE);
        split = pmm_alloc_contig(2);
        /* take the lone frames back so they cannot join the pair below */
        for (int i = 0; i < 2; i++) {
            paddr_t f = pmm_alloc();
            if (f) {
                bitmap_mark(taken, f / PAGE_SIZE);
                *(volatile paddr_t *)phys_to_virt(f) = f;
            }
        }
        /* free two neighbours: the only run of 2 is exactly them */
        pair_f = find_pair(taken);
        if (pair_f) {
            bitmap_reset(taken, pair_f);
            bitmap_reset(taken, pair_f + 1);
            pmm_free_contig((paddr_t)pair_f * PAGE_SIZE, 2);
            pair = pmm_alloc_contig(2);
            if (pair)
                pmm_free_contig(pair, 2);
        }
    }
    bool markers_ok = release(taken, 0);
    size_t after = pmm_free_count();
    bitmap_destroy(taken);
    KT_ASSERT(lone_b != BITMAP_ERROR && pair_f != 0);
    KT_ASSERT(split == 0);
    KT_ASSERT(pair == (paddr_t)pair_f * PAGE_SIZE);
    KT_ASSERT(markers_ok);
    KT_ASSERT(after == start);
}

KTEST(pmm, mem_cap)
{
    uint64_t limit = kernel_cmdline.mem_limit;
    uint64_t usable = (uint64_t)pmm_total_count() * PAGE_SIZE;
    if (!limit) {
        printf("  note: no mem= option; cap not exercised (%lu KiB usable)\n", usable / 1024);
        return;
    }
    KT_ASSERT(usable <= limit);
    /* the cap must not lose much more than the reserved frames */
    KT_ASSERT(usable >= limit / 2);
}
