/* Unit tests of demand paging, four suites:
 *   spt     the supplemental page table: registration without a frame,
 *           lookup by any byte of a page, ranges whose pages appear on
 *           first touch, overlap refusal, spt_covers, removal, 10,000
 *           pages, and spt_kill returning every frame and heap byte;
 *   frame   claiming pages (zero fill, initializers, mapping in the
 *           table's pml4, vm_user_frame), the clock under a -ul cap
 *           (eviction to swap and back, clean pages preferred as victims,
 *           a second chance for accessed pages, the PTE dirty bit making a
 *           clean page dirty, the frames of the last FRAME_RECENT_CLAIMS
 *           claims never taken, so that a cap of that many frames runs out
 *           of memory instead of livelocking), and frames and swap slots
 *           freed by removal and spt_kill;
 *   swap    the slot allocator and page I/O on the default test disk;
 *   noswap  a machine without a swap partition (ktest-swap-none): no slot,
 *           and only clean pages can be evicted. Its tests skip, saying
 *           so, when a swap partition is present (`ktest` runs them all).
 *
 * The tests run in the boot thread with no user process: every table is a
 * test's own struct spt, never the active page table, so page contents are
 * reached through frame kvas only; a user access is imitated by setting
 * the PTE's accessed or dirty bit as the CPU would. A test that needs the
 * clock lowers kernel_cmdline.user_frame_limit for its duration. The frames
 * handed out by the last FRAME_RECENT_CLAIMS claims are never victims
 * (frame.h), so such a test either makes room for them in its cap, with
 * padding pages claimed after those it wants evicted (vt_pad), or makes
 * every frame it holds old with claims of scratch pages that hold no frame
 * for long (vt_age) when it wants few frames. Checks
 * made while a test holds resources use VT_EXPECT, which records a failure
 * and goes on, so that the test always kills its table and restores the
 * cap; the resources are then compared with a snapshot taken before.
 * The helpers below are shared with mm/cow_test.c (mm/vm_test.h). */
#include "kernel/bitmap.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/paging.h"
#include "mm/pmm.h"
#include "mm/spt.h"
#include "mm/swap.h"
#include "mm/page_cache.h"
#include "mm/vm.h"
#include "mm/vm_test.h"

#define VT_MANY 10000u /* pages in spt/many_pages */
/* frames of frame/clock_evicts_to_swap: enough for frame.c to evict
 * several victims at once (a share of the frames), the recent ones aside */
#define VT_CAP   (4u * FRAME_RECENT_CLAIMS)
#define VT_EVICT (3u * VT_CAP) /* pages claimed under that cap */
/* frames of noswap/only_clean_pages_evicted: a few more than the recent
 * claims' frames, which are never victims */
#define VT_NOSWAP_CAP (FRAME_RECENT_CLAIMS + 4)

/* ---- helpers ------------------------------------------------------------ */

void vt_snap_take(struct vt_snap *s)
{
    page_cache_drop_all(); /* file data cached by earlier tests is no part of it */
    struct kmalloc_stats st;
    kmalloc_get_stats(&st);
    s->free_frames = pmm_free_count();
    s->heap_bytes = st.bytes_in_use;
    s->user_frames = frame_in_use();
    s->swap_used = swap_used_count();
}

/* vt_snap_same: whether everything is back to S0 (each difference printed). */
bool vt_snap_same(const struct vt_snap *s0)
{
    struct vt_snap s;
    vt_snap_take(&s);
    bool same = true;
    if (s.free_frames != s0->free_frames || s.heap_bytes != s0->heap_bytes ||
        s.user_frames != s0->user_frames || s.swap_used != s0->swap_used) {
        printf("  vt: free frames %lu -> %lu, heap bytes %lu -> %lu, user frames %lu -> %lu, "
               "swap slots %lu -> %lu\n",
               s0->free_frames, s.free_frames, s0->heap_bytes, s.heap_bytes, s0->user_frames,
               s.user_frames, s0->swap_used, s.swap_used);
        same = false;
    }
    return same;
}

/* vt_word: word I of the pattern of KEY (never 0 for small keys). */
static uint64_t vt_word(uint64_t key, size_t i)
{
    return (key + 1) * 0x9e3779b97f4a7c15ull + i * 0xbf58476d1ce4e5b9ull + 1;
}

void vt_fill_pattern(void *kva, uint64_t key)
{
    uint64_t *w = kva;
    for (size_t i = 0; i < PAGE_SIZE / sizeof *w; i++)
        w[i] = vt_word(key, i);
}

bool vt_has_pattern(const void *kva, uint64_t key)
{
    const uint64_t *w = kva;
    for (size_t i = 0; i < PAGE_SIZE / sizeof *w; i++)
        if (w[i] != vt_word(key, i))
            return false;
    return true;
}

bool vt_is_zero(const void *kva)
{
    const uint64_t *w = kva;
    for (size_t i = 0; i < PAGE_SIZE / sizeof *w; i++)
        if (w[i])
            return false;
    return true;
}

static void vt_aux_release(struct vm_aux *aux)
{
    ((struct vt_aux *)aux)->released++;
}

void vt_aux_init(struct vt_aux *a, uint64_t seed)
{
    *a = (struct vt_aux){.base = {.refs = 1, .release = vt_aux_release}, .seed = seed};
}

/* vt_fill: a vm_initializer writing the pattern of page->va ^ seed. */
int vt_fill(struct page *page, void *kva, struct vm_aux *aux)
{
    struct vt_aux *a = (struct vt_aux *)aux;
    a->calls++;
    a->last_page = page;
    a->last_kva = kva;
    vt_fill_pattern(kva, page->va ^ a->seed);
    return a->fail;
}

/* The -ul cap, lowered by a test and restored before it asserts. */
static long vt_saved_cap;

size_t vt_cap_set(size_t extra)
{
    vt_saved_cap = kernel_cmdline.user_frame_limit;
    kernel_cmdline.user_frame_limit = (long)(frame_in_use() + extra);
    return (size_t)kernel_cmdline.user_frame_limit;
}

void vt_cap_restore(void)
{
    kernel_cmdline.user_frame_limit = vt_saved_cap;
}

/* vt_resident: whether the page at VA of SPT has a frame. */
bool vt_resident(struct spt *spt, uint64_t va)
{
    struct page *p = spt_lookup_page(spt, va);
    return p && p->frame;
}

/* vt_claim_write: claim the page at VA and write KEY's pattern through the
 * kva vm_user_frame gives; false if either fails. */
bool vt_claim_write(struct spt *spt, uint64_t va, uint64_t key)
{
    if (vm_claim_page(spt, va) != ERR_OK)
        return false;
    void *kva = vm_user_frame(spt, va);
    if (!kva)
        return false;
    vt_fill_pattern(kva, key);
    return true;
}

/* vt_claim_check: claim the page at VA and check KEY's pattern is there. */
bool vt_claim_check(struct spt *spt, uint64_t va, uint64_t key)
{
    if (vm_claim_page(spt, va) != ERR_OK)
        return false;
    void *kva = vm_user_frame(spt, va);
    return kva && vt_has_pattern(kva, key);
}

/* vt_pad: register and claim the FRAME_RECENT_CLAIMS zero pages (dirty
 * anonymous pages) from VT_PAD(FIRST) in SPT: the frames claimed before
 * them are no longer among the most recently claimed, so they may be
 * victims, while the padding's own frames may not. The cap must leave room
 * for them (or frames old enough to evict). False if anything failed. */
bool vt_pad(struct spt *spt, size_t first)
{
    bool ok = true;
    for (size_t i = first; i < first + FRAME_RECENT_CLAIMS; i++) {
        ok &= vm_alloc_page_with_initializer(spt, VM_ANON, VT_PAD(i), true, NULL, NULL) == ERR_OK;
        ok &= vm_claim_page(spt, VT_PAD(i)) == ERR_OK;
    }
    return ok;
}

/* vt_age: FRAME_RECENT_CLAIMS claims of a scratch page of SPT, each given
 * back at once, on one frame above the frames in use (the cap is raised
 * for them and restored): afterwards no frame of SPT counts as recently
 * claimed, every one may be a victim. Nothing is evicted, nothing else
 * changes. */
bool vt_age(struct spt *spt)
{
    long cap = kernel_cmdline.user_frame_limit;
    size_t in_use = frame_in_use();
    kernel_cmdline.user_frame_limit = (long)(in_use + 1);
    bool ok = true;
    for (int i = 0; i < FRAME_RECENT_CLAIMS; i++) {
        ok &= vm_alloc_page_with_initializer(spt, VM_ANON, VT_AGE_PAGE, true, NULL, NULL) == ERR_OK;
        ok &= vm_claim_page(spt, VT_AGE_PAGE) == ERR_OK;
        struct page *p = spt_lookup_page(spt, VT_AGE_PAGE);
        if (p)
            spt_remove_page(spt, p);
    }
    kernel_cmdline.user_frame_limit = cap;
    return ok && frame_in_use() == in_use;
}

/* ---- spt ---------------------------------------------------------------- */

KTEST(spt, init_kill_empty)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    VT_EXPECT(spt.pml4 != NULL);
    VT_EXPECT(pmm_free_count() < s0.free_frames); /* the pml4 */
    VT_EXPECT(spt_page_count(&spt) == 0);
    VT_EXPECT(spt_lookup_page(&spt, VT_BASE) == NULL);
    VT_EXPECT(spt_find_page(&spt, VT_BASE) == NULL);
    VT_EXPECT(!spt_covers(&spt, 0, USER_TOP));
    spt_kill(&spt);
    VT_EXPECT(spt.pml4 == NULL);
    spt_kill(&spt); /* killing twice is harmless */
    VT_EXPECT(vt_snap_same(&s0));

    struct spt *heap_spt = spt_create();
    KT_ASSERT(heap_spt);
    VT_EXPECT(vm_alloc_page_with_initializer(heap_spt, VM_ANON, VT_BASE, true, NULL, NULL) ==
              ERR_OK);
    VT_EXPECT(spt_page_count(heap_spt) == 1);
    spt_free(heap_spt);
    spt_free(NULL);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, register_without_frame)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(0), true, NULL, NULL) ==
              ERR_OK);
    struct page *p = spt_find_page(&spt, VT_PAGE(0));
    VT_EXPECT(p != NULL);
    if (p) {
        VT_EXPECT(p->va == VT_PAGE(0));
        VT_EXPECT(p->spt == &spt);
        VT_EXPECT(p->frame == NULL);
        VT_EXPECT(page_type(p) == VM_UNINIT);
        VT_EXPECT(p->uninit.type == VM_ANON);
        VT_EXPECT(p->writable && !p->executable && !p->from_range);
        /* any byte of the page finds it, both ways */
        VT_EXPECT(spt_find_page(&spt, VT_PAGE(0) + 1) == p);
        VT_EXPECT(spt_find_page(&spt, VT_PAGE(0) + PAGE_SIZE / 2 + 3) == p);
        VT_EXPECT(spt_find_page(&spt, VT_PAGE(1) - 1) == p);
        VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(0)) == p);
        VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(0) + 777) == p);
        VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(1) - 1) == p);
    }
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(1)) == NULL);
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(0) - 1) == NULL);
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(1)) == NULL);
    VT_EXPECT(spt_page_count(&spt) == 1);
    VT_EXPECT(pt_translate(spt.pml4, VT_PAGE(0)) == 0); /* nothing mapped */
    VT_EXPECT(vm_user_frame(&spt, VT_PAGE(0)) == NULL);
    VT_EXPECT(frame_in_use() == s0.user_frames);

    /* a read-only executable file page: its aux is referenced, not used */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE | VM_EXECUTABLE, VT_PAGE(2), false,
                                             vt_fill, &aux.base) == ERR_OK);
    struct page *q = spt_lookup_page(&spt, VT_PAGE(2) + 5);
    VT_EXPECT(q != NULL && q != p);
    if (q) {
        VT_EXPECT(q->va == VT_PAGE(2) && q->frame == NULL);
        VT_EXPECT(page_type(q) == VM_UNINIT && q->uninit.type == VM_FILE);
        VT_EXPECT(!q->writable && q->executable);
        VT_EXPECT(q->uninit.init == vt_fill && q->uninit.aux == &aux.base);
    }
    VT_EXPECT(aux.base.refs == 2);
    VT_EXPECT(aux.calls == 0);
    VT_EXPECT(spt_page_count(&spt) == 2);
    VT_EXPECT(frame_in_use() == s0.user_frames);

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0 && aux.calls == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, register_twice_exists)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(3), true, NULL, NULL) ==
              ERR_OK);
    struct page *p = spt_lookup_page(&spt, VT_PAGE(3));
    VT_EXPECT(p != NULL);
    /* again at the same address, with other attributes: refused */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE, VT_PAGE(3), false, vt_fill,
                                             &aux.base) == ERR_EXISTS);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(3), true, NULL, NULL) ==
              ERR_EXISTS);
    /* the first registration stays, and no reference or heap is kept */
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(3)) == p);
    if (p)
        VT_EXPECT(p->writable && p->uninit.type == VM_ANON && p->uninit.aux == NULL);
    VT_EXPECT(spt_page_count(&spt) == 1);
    VT_EXPECT(aux.base.refs == 1);
    /* the neighbours are free */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(2), true, NULL, NULL) ==
              ERR_OK);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(4), true, NULL, NULL) ==
              ERR_OK);
    VT_EXPECT(spt_page_count(&spt) == 3);

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, range_pages_on_first_touch)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    uint64_t start = VT_PAGE(16), end = VT_PAGE(32);

    VT_EXPECT(spt_add_range(&spt, start, end, VM_ANON, true, vt_fill, &aux.base) == ERR_OK);
    VT_EXPECT(aux.base.refs == 2); /* the range's reference */
    VT_EXPECT(spt_page_count(&spt) == 0);
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(21)) == NULL); /* not made yet */
    VT_EXPECT(spt_lookup_page(&spt, start) == NULL);

    struct page *p = spt_find_page(&spt, VT_PAGE(21) + 123);
    VT_EXPECT(p != NULL);
    if (p) {
        VT_EXPECT(p->va == VT_PAGE(21));
        VT_EXPECT(p->from_range);
        VT_EXPECT(p->frame == NULL && page_type(p) == VM_UNINIT);
        VT_EXPECT(p->uninit.type == VM_ANON && p->writable && !p->executable);
        VT_EXPECT(p->uninit.init == vt_fill && p->uninit.aux == &aux.base);
        VT_EXPECT(p->spt == &spt);
    }
    VT_EXPECT(aux.base.refs == 3);                        /* and the page's */
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(21)) == p);   /* it is a page now */
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(22) - 1) == p); /* not made twice */
    VT_EXPECT(spt_page_count(&spt) == 1);
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(20)) == NULL); /* neighbours untouched */
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(22)) == NULL);

    /* the ends: first and last page inside, the pages around outside */
    struct page *first = spt_find_page(&spt, start);
    struct page *last = spt_find_page(&spt, end - 1);
    VT_EXPECT(first && first->va == start && first->from_range);
    VT_EXPECT(last && last->va == end - PAGE_SIZE && last->from_range);
    VT_EXPECT(spt_find_page(&spt, end) == NULL);
    VT_EXPECT(spt_find_page(&spt, start - 1) == NULL);
    VT_EXPECT(spt_page_count(&spt) == 3);
    VT_EXPECT(pt_translate(spt.pml4, VT_PAGE(21)) == 0);
    VT_EXPECT(frame_in_use() == s0.user_frames);
    VT_EXPECT(aux.calls == 0);

    /* a page registered outside the range is not from_range */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, end, true, NULL, NULL) == ERR_OK);
    struct page *outside = spt_find_page(&spt, end);
    VT_EXPECT(outside && !outside->from_range);

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0 && aux.calls == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, range_overlap_refused)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    uint64_t a = VT_PAGE(64);

    VT_EXPECT(spt_add_range(&spt, a, a + 4 * PAGE_SIZE, VM_ANON, true, NULL, NULL) == ERR_OK);
    /* overlapping its end, its start, inside it, around it */
    VT_EXPECT(spt_add_range(&spt, a + 2 * PAGE_SIZE, a + 6 * PAGE_SIZE, VM_ANON, true, vt_fill,
                            &aux.base) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a - 2 * PAGE_SIZE, a + PAGE_SIZE, VM_ANON, true, vt_fill,
                            &aux.base) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a + PAGE_SIZE, a + 2 * PAGE_SIZE, VM_ANON, true, vt_fill,
                            &aux.base) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a - 4 * PAGE_SIZE, a + 8 * PAGE_SIZE, VM_ANON, true, vt_fill,
                            &aux.base) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a, a + 4 * PAGE_SIZE, VM_ANON, true, vt_fill, &aux.base) ==
              ERR_INVALID);
    VT_EXPECT(aux.base.refs == 1); /* refused ranges keep no reference */
    /* empty and reversed ranges */
    VT_EXPECT(spt_add_range(&spt, a + 10 * PAGE_SIZE, a + 10 * PAGE_SIZE, VM_ANON, true, NULL,
                            NULL) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a + 12 * PAGE_SIZE, a + 11 * PAGE_SIZE, VM_ANON, true, NULL,
                            NULL) == ERR_INVALID);
    /* adjacent ranges, above and below, are fine */
    VT_EXPECT(spt_add_range(&spt, a + 4 * PAGE_SIZE, a + 8 * PAGE_SIZE, VM_FILE, false, vt_fill,
                            &aux.base) == ERR_OK);
    VT_EXPECT(spt_add_range(&spt, a - 2 * PAGE_SIZE, a, VM_ANON, true, NULL, NULL) == ERR_OK);
    /* a range over a registered page is refused, also over a touched range page */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, a + 20 * PAGE_SIZE, true, NULL, NULL) ==
              ERR_OK);
    VT_EXPECT(spt_add_range(&spt, a + 16 * PAGE_SIZE, a + 24 * PAGE_SIZE, VM_ANON, true, NULL,
                            NULL) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a + 20 * PAGE_SIZE, a + 21 * PAGE_SIZE, VM_ANON, true, NULL,
                            NULL) == ERR_INVALID);
    VT_EXPECT(spt_add_range(&spt, a + 21 * PAGE_SIZE, a + 24 * PAGE_SIZE, VM_ANON, true, NULL,
                            NULL) == ERR_OK);
    /* each page comes from the range that holds it */
    struct page *p1 = spt_find_page(&spt, a + PAGE_SIZE);
    struct page *p5 = spt_find_page(&spt, a + 5 * PAGE_SIZE);
    struct page *pm = spt_find_page(&spt, a - PAGE_SIZE);
    VT_EXPECT(p1 && p1->uninit.type == VM_ANON && p1->writable);
    VT_EXPECT(p5 && p5->uninit.type == VM_FILE && !p5->writable && p5->uninit.init == vt_fill);
    VT_EXPECT(pm && pm->uninit.type == VM_ANON && pm->from_range);
    VT_EXPECT(spt_find_page(&spt, a + 8 * PAGE_SIZE) == NULL); /* the gap */
    VT_EXPECT(aux.base.refs == 3);                             /* range 2 and page p5 */

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, covers)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    uint64_t p = VT_PAGE(8), r = VT_PAGE(16); /* a page at P, a range [R, R + 4 pages) */

    VT_EXPECT(!spt_covers(&spt, 0, USER_TOP));
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, p, true, NULL, NULL) == ERR_OK);
    VT_EXPECT(spt_add_range(&spt, r, r + 4 * PAGE_SIZE, VM_ANON, true, NULL, NULL) == ERR_OK);

    VT_EXPECT(spt_covers(&spt, 0, USER_TOP));
    VT_EXPECT(spt_covers(&spt, p, p + PAGE_SIZE));
    VT_EXPECT(spt_covers(&spt, p - PAGE_SIZE, p + PAGE_SIZE));
    VT_EXPECT(!spt_covers(&spt, p - PAGE_SIZE, p)); /* END is exclusive */
    VT_EXPECT(!spt_covers(&spt, p + PAGE_SIZE, r)); /* the gap */
    VT_EXPECT(spt_covers(&spt, r, r + PAGE_SIZE));
    VT_EXPECT(spt_covers(&spt, r + 3 * PAGE_SIZE, r + 4 * PAGE_SIZE));
    VT_EXPECT(spt_covers(&spt, r + PAGE_SIZE, r + 2 * PAGE_SIZE)); /* inside the range */
    VT_EXPECT(spt_covers(&spt, r - PAGE_SIZE, r + PAGE_SIZE));
    VT_EXPECT(!spt_covers(&spt, r - PAGE_SIZE, r));
    VT_EXPECT(!spt_covers(&spt, r + 4 * PAGE_SIZE, r + 8 * PAGE_SIZE));
    VT_EXPECT(spt_covers(&spt, p + PAGE_SIZE, r + PAGE_SIZE));
    /* a page made from the range changes nothing; a removed page uncovers */
    VT_EXPECT(spt_find_page(&spt, r + PAGE_SIZE) != NULL);
    VT_EXPECT(spt_covers(&spt, r + PAGE_SIZE, r + 2 * PAGE_SIZE));
    struct page *pp = spt_lookup_page(&spt, p);
    if (pp)
        spt_remove_page(&spt, pp);
    VT_EXPECT(pp != NULL);
    VT_EXPECT(!spt_covers(&spt, p, p + PAGE_SIZE));
    VT_EXPECT(!spt_covers(&spt, 0, r));

    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, remove_page)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    for (int i = 0; i < 3; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE, VT_PAGE(i), false, vt_fill,
                                                 &aux.base) == ERR_OK);
    VT_EXPECT(aux.base.refs == 4);
    struct page *p1 = spt_lookup_page(&spt, VT_PAGE(1));
    VT_EXPECT(p1 != NULL);
    if (p1)
        spt_remove_page(&spt, p1);
    VT_EXPECT(spt_lookup_page(&spt, VT_PAGE(1)) == NULL);
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(1)) == NULL);
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(0)) != NULL);
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(2)) != NULL);
    VT_EXPECT(spt_page_count(&spt) == 2);
    VT_EXPECT(aux.base.refs == 3); /* the removed page's reference dropped */
    VT_EXPECT(aux.released == 0 && aux.calls == 0);
    /* the address can be registered again */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(1), true, NULL, NULL) ==
              ERR_OK);
    struct page *again = spt_lookup_page(&spt, VT_PAGE(1));
    VT_EXPECT(again && again->uninit.type == VM_ANON && again->writable);
    VT_EXPECT(spt_page_count(&spt) == 3);
    /* remove everything one by one: the heap is back before spt_kill */
    for (int i = 0; i < 3; i++) {
        struct page *p = spt_lookup_page(&spt, VT_PAGE(i));
        VT_EXPECT(p != NULL);
        if (p)
            spt_remove_page(&spt, p);
    }
    VT_EXPECT(spt_page_count(&spt) == 0);
    VT_EXPECT(aux.base.refs == 1);

    spt_kill(&spt);
    VT_EXPECT(aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, many_pages)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    size_t refused = 0, lost = 0, wrong = 0;
    for (size_t i = 0; i < VT_MANY; i++)
        refused += vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(i), i % 2 == 0, NULL,
                                                  NULL) != ERR_OK;
    VT_EXPECT(refused == 0);
    VT_EXPECT(spt_page_count(&spt) == VT_MANY);
    for (size_t i = 0; i < VT_MANY; i++) {
        struct page *p = spt_find_page(&spt, VT_PAGE(i) + (i * 37) % PAGE_SIZE);
        if (!p)
            lost++;
        else if (p->va != VT_PAGE(i) || p->writable != (i % 2 == 0) || p->frame)
            wrong++;
    }
    VT_EXPECT(lost == 0 && wrong == 0);
    VT_EXPECT(spt_find_page(&spt, VT_PAGE(VT_MANY)) == NULL);
    VT_EXPECT(spt_find_page(&spt, VT_BASE - 1) == NULL);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(VT_MANY / 2), true, NULL,
                                             NULL) == ERR_EXISTS);
    VT_EXPECT(frame_in_use() == s0.user_frames);

    /* remove every other page; the rest are still found */
    for (size_t i = 1; i < VT_MANY; i += 2) {
        struct page *p = spt_lookup_page(&spt, VT_PAGE(i));
        if (p)
            spt_remove_page(&spt, p);
    }
    VT_EXPECT(spt_page_count(&spt) == VT_MANY / 2);
    lost = wrong = 0;
    for (size_t i = 0; i < VT_MANY; i++) {
        struct page *p = spt_lookup_page(&spt, VT_PAGE(i));
        if (i % 2)
            wrong += p != NULL;
        else
            lost += !p || p->va != VT_PAGE(i);
    }
    VT_EXPECT(lost == 0 && wrong == 0);

    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(spt, kill_frees_everything)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 7);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    /* uninit pages, with and without an aux; a big range, partly touched;
     * resident anonymous and file pages (frames and page-table pages) */
    for (int i = 0; i < 8; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, i % 2 ? VM_FILE : VM_ANON, VT_PAGE(i),
                                                 i % 2 == 0, i % 4 ? vt_fill : NULL,
                                                 i % 4 ? &aux.base : NULL) == ERR_OK);
    uint64_t r = VT_PAGE(1024), r_end = r + (64ul << 20);
    VT_EXPECT(spt_add_range(&spt, r, r_end, VM_ANON, true, vt_fill, &aux.base) == ERR_OK);
    VT_EXPECT(spt_find_page(&spt, r) && spt_find_page(&spt, r_end - 1));
    VT_EXPECT(spt_find_page(&spt, r + (32ul << 20)) != NULL);
    uint64_t claim[] = {VT_PAGE(0), VT_PAGE(1), VT_PAGE(2), r, r_end - PAGE_SIZE};
    for (size_t i = 0; i < sizeof claim / sizeof claim[0]; i++)
        VT_EXPECT(vm_claim_page(&spt, claim[i]) == ERR_OK);
    VT_EXPECT(frame_in_use() == s0.user_frames + 5);
    VT_EXPECT(spt_page_count(&spt) == 11);
    VT_EXPECT(aux.calls == 4); /* VT_PAGE(1), VT_PAGE(2), r, r_end - PAGE_SIZE */

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    vm_aux_put(&aux.base); /* the test's own: the last one */
    VT_EXPECT(aux.released == 1);
    KT_ASSERT(vt_snap_same(&s0));
}

/* ---- frame -------------------------------------------------------------- */

KTEST(frame, claim_zero_page)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(0), true, NULL, NULL) ==
              ERR_OK);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(1), false, NULL, NULL) ==
              ERR_OK);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON | VM_EXECUTABLE, VT_PAGE(2), false, NULL,
                                             NULL) == ERR_OK);

    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(0) + 100) == ERR_OK); /* any byte of it */
    struct page *p = spt_lookup_page(&spt, VT_PAGE(0));
    void *kva = NULL;
    VT_EXPECT(p && p->frame);
    if (p && p->frame) {
        kva = p->frame->kva;
        VT_EXPECT(page_type(p) == VM_ANON);
        VT_EXPECT(!p->busy);
        VT_EXPECT(frame_first_page(p->frame) == p && p->frame->refs == 1);
        VT_EXPECT(vt_is_zero(kva));
        VT_EXPECT(pt_translate(spt.pml4, VT_PAGE(0)) == virt_to_phys(kva));
        pte_t *pte = pt_lookup(spt.pml4, VT_PAGE(0));
        VT_EXPECT(pte && (*pte & (PTE_PRESENT | PTE_USER | PTE_WRITABLE | PTE_NX)) ==
                             (PTE_PRESENT | PTE_USER | PTE_WRITABLE | PTE_NX));
        VT_EXPECT(vm_user_frame(&spt, VT_PAGE(0)) == kva);
        VT_EXPECT(vm_user_frame(&spt, VT_PAGE(1) - 1) == kva);
    }
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);
    /* the other pages are still without a frame, unmapped */
    VT_EXPECT(!vt_resident(&spt, VT_PAGE(1)) && vm_user_frame(&spt, VT_PAGE(1)) == NULL);
    VT_EXPECT(pt_translate(spt.pml4, VT_PAGE(1)) == 0);
    /* claiming again changes nothing */
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(0)) == ERR_OK);
    VT_EXPECT(p && p->frame && p->frame->kva == kva);
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);

    /* read-only: mapped without PTE_WRITABLE; executable: without NX */
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(1)) == ERR_OK);
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(2)) == ERR_OK);
    void *kva1 = vm_user_frame(&spt, VT_PAGE(1)), *kva2 = vm_user_frame(&spt, VT_PAGE(2));
    VT_EXPECT(kva1 && kva2 && kva1 != kva && kva2 != kva && kva1 != kva2);
    VT_EXPECT(kva1 && vt_is_zero(kva1) && kva2 && vt_is_zero(kva2));
    pte_t *pte1 = pt_lookup(spt.pml4, VT_PAGE(1)), *pte2 = pt_lookup(spt.pml4, VT_PAGE(2));
    VT_EXPECT(pte1 && (*pte1 & (PTE_PRESENT | PTE_USER | PTE_WRITABLE | PTE_NX)) ==
                          (PTE_PRESENT | PTE_USER | PTE_NX));
    VT_EXPECT(pte2 && (*pte2 & (PTE_PRESENT | PTE_USER | PTE_WRITABLE | PTE_NX)) ==
                          (PTE_PRESENT | PTE_USER));
    VT_EXPECT(kva1 && pt_translate(spt.pml4, VT_PAGE(1)) == virt_to_phys(kva1));
    VT_EXPECT(frame_in_use() == s0.user_frames + 3);

    /* no page there */
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(100)) == ERR_NOT_FOUND);
    VT_EXPECT(vm_user_frame(&spt, VT_PAGE(100)) == NULL);
    VT_EXPECT(spt_page_count(&spt) == 3);

    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, zero_fill_reused_frame)
{
    /* the first page, written, then padding in every other frame of the
     * cap: the second page gets the first one's frame (evicted, the only
     * one not recently claimed), full of its pattern: the zero page must
     * be zeroed */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(1 + FRAME_RECENT_CLAIMS);

    for (int i = 0; i < 2; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(i), true, NULL, NULL) ==
                  ERR_OK);
    VT_EXPECT(vt_claim_write(&spt, VT_PAGE(0), 1));
    void *kva0 = vm_user_frame(&spt, VT_PAGE(0));
    VT_EXPECT(vt_pad(&spt, 0));
    VT_EXPECT(frame_in_use() == cap);
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(1)) == ERR_OK);
    void *kva1 = vm_user_frame(&spt, VT_PAGE(1));
    VT_EXPECT(frame_in_use() <= cap);
    VT_EXPECT(!vt_resident(&spt, VT_PAGE(0)));
    VT_EXPECT(kva1 && kva1 == kva0); /* the same frame */
    VT_EXPECT(kva1 && vt_is_zero(kva1));
    /* and the first page comes back with its pattern (in the frame of the
     * first padding page, the only old one now) */
    VT_EXPECT(vt_claim_check(&spt, VT_PAGE(0), 1));
    VT_EXPECT(!vt_resident(&spt, VT_PAD(0)));
    VT_EXPECT(vt_resident(&spt, VT_PAGE(1)));
    VT_EXPECT(frame_in_use() <= cap);

    vt_cap_restore();
    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, initializer_runs_once)
{
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0x5eed);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(0), true, vt_fill, &aux.base) ==
              ERR_OK);
    VT_EXPECT(aux.base.refs == 2);
    VT_EXPECT(aux.calls == 0);
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(0)) == ERR_OK);
    struct page *p = spt_lookup_page(&spt, VT_PAGE(0));
    VT_EXPECT(aux.calls == 1);
    VT_EXPECT(p && p->frame && aux.last_page == p && aux.last_kva == p->frame->kva);
    VT_EXPECT(p && page_type(p) == VM_ANON);
    void *kva = vm_user_frame(&spt, VT_PAGE(0));
    VT_EXPECT(kva && vt_has_pattern(kva, VT_PAGE(0) ^ aux.seed));
    VT_EXPECT(aux.base.refs == 1); /* an anonymous page keeps no aux */
    for (int i = 0; i < 3; i++)
        VT_EXPECT(vm_claim_page(&spt, VT_PAGE(0) + i * 1000) == ERR_OK);
    VT_EXPECT(aux.calls == 1);

    /* a file page keeps its loader (and a reference to the aux) */
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE, VT_PAGE(1), false, vt_fill,
                                             &aux.base) == ERR_OK);
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(1)) == ERR_OK);
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(1)) == ERR_OK);
    VT_EXPECT(aux.calls == 2);
    struct page *f = spt_lookup_page(&spt, VT_PAGE(1));
    VT_EXPECT(f && page_type(f) == VM_FILE && f->frame && !f->dirty);
    void *fkva = vm_user_frame(&spt, VT_PAGE(1));
    VT_EXPECT(fkva && vt_has_pattern(fkva, VT_PAGE(1) ^ aux.seed));
    VT_EXPECT(aux.base.refs == 2);

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    vm_aux_put(&aux.base);
    VT_EXPECT(aux.released == 1);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, initializer_error)
{
    /* a loader that fails: the claim fails, the frame is given back and
     * nothing is mapped */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    aux.fail = ERR_IO;
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE, VT_PAGE(0), false, vt_fill,
                                             &aux.base) == ERR_OK);
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(0)) == ERR_IO);
    VT_EXPECT(aux.calls == 1);
    struct page *p = spt_lookup_page(&spt, VT_PAGE(0));
    VT_EXPECT(p && !p->frame && !p->busy);
    VT_EXPECT(pt_translate(spt.pml4, VT_PAGE(0)) == 0);
    VT_EXPECT(vm_user_frame(&spt, VT_PAGE(0)) == NULL);
    VT_EXPECT(frame_in_use() == s0.user_frames);

    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, clock_evicts_to_swap)
{
    /* three times as many dirty pages as the cap's frames: the writes go
     * to swap (combined when several victims go at once), the reads come
     * back through the read window, in order and in reverse */
    KT_ASSERT(swap_slot_count() >= VT_EVICT);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(VT_CAP);

    bool within_cap = true, written = true, back = true, back_again = true;
    for (size_t i = 0; i < VT_EVICT; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(i), true, NULL, NULL) ==
                  ERR_OK);
    for (size_t i = 0; i < VT_EVICT; i++) {
        written &= vt_claim_write(&spt, VT_PAGE(i), 100 + i);
        within_cap &= frame_in_use() <= cap;
    }
    VT_EXPECT(written);
    /* at most the cap's worth is resident (fewer if the VM evicts several
     * pages at once), at least the recently claimed ones: the rest went to
     * swap, each to its own slot */
    size_t resident = 0, evicted_ok = 0, recent_resident = 0;
    for (size_t i = 0; i < VT_EVICT; i++) {
        struct page *p = spt_lookup_page(&spt, VT_PAGE(i));
        if (p && p->frame)
            resident++;
        else if (p && page_type(p) == VM_ANON && p->anon.slot != SWAP_SLOT_NONE &&
                 pt_translate(spt.pml4, VT_PAGE(i)) == 0)
            evicted_ok++;
        if (p && p->frame && i >= VT_EVICT - FRAME_RECENT_CLAIMS)
            recent_resident++;
    }
    VT_EXPECT(resident >= FRAME_RECENT_CLAIMS && resident <= VT_CAP);
    VT_EXPECT(recent_resident == FRAME_RECENT_CLAIMS);
    VT_EXPECT(evicted_ok == VT_EVICT - resident);
    VT_EXPECT(swap_used_count() == s0.swap_used + (VT_EVICT - resident));
    /* every page comes back with its contents, in order, then in reverse
     * (the second pass evicts pages read back and not written since) */
    for (size_t i = 0; i < VT_EVICT; i++) {
        back &= vt_claim_check(&spt, VT_PAGE(i), 100 + i);
        within_cap &= frame_in_use() <= cap;
    }
    for (size_t i = VT_EVICT; i-- > 0;) {
        back_again &= vt_claim_check(&spt, VT_PAGE(i), 100 + i);
        within_cap &= frame_in_use() <= cap;
    }
    VT_EXPECT(back);
    VT_EXPECT(back_again);
    VT_EXPECT(within_cap);
    VT_EXPECT(swap_used_count() <= s0.swap_used + VT_EVICT);

    vt_cap_restore();
    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, clean_file_page_preferred)
{
    /* four frames (and the padding's, claimed after them): three dirty
     * anonymous pages and a clean file page; a fifth page takes the file
     * page's frame, whatever the hand's place */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0xf11e);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(4 + FRAME_RECENT_CLAIMS);

    uint64_t file = VT_PAGE(1);
    for (int i = 0; i < 5; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VT_PAGE(i) == file ? VM_FILE : VM_ANON,
                                                 VT_PAGE(i), VT_PAGE(i) != file, vt_fill,
                                                 &aux.base) == ERR_OK);
    for (int i = 0; i < 4; i++)
        VT_EXPECT(vm_claim_page(&spt, VT_PAGE(i)) == ERR_OK);
    VT_EXPECT(vt_pad(&spt, 0)); /* dirty, and no victims yet */
    VT_EXPECT(frame_in_use() == cap);
    size_t slots = swap_used_count();
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(4)) == ERR_OK);
    VT_EXPECT(!vt_resident(&spt, file));
    VT_EXPECT(pt_translate(spt.pml4, file) == 0);
    VT_EXPECT(vt_resident(&spt, VT_PAGE(0)) && vt_resident(&spt, VT_PAGE(2)) &&
              vt_resident(&spt, VT_PAGE(3)) && vt_resident(&spt, VT_PAGE(4)));
    VT_EXPECT(swap_used_count() == slots); /* nothing written */
    VT_EXPECT(aux.calls == 5);
    /* the file page is read again by its loader; now only dirty pages can
     * go (pages 0, 2, 3 and the first padding page): to swap (one or more) */
    VT_EXPECT(vt_claim_check(&spt, file, file ^ aux.seed));
    VT_EXPECT(aux.calls == 6);
    VT_EXPECT(swap_used_count() > slots);
    VT_EXPECT(frame_in_use() <= cap);
    bool anon_ok = true;
    for (int i = 0; i < 5; i++)
        if (VT_PAGE(i) != file)
            anon_ok &= vt_claim_check(&spt, VT_PAGE(i), VT_PAGE(i) ^ aux.seed);
    VT_EXPECT(anon_ok);

    vt_cap_restore();
    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, clean_anon_page_preferred)
{
    /* a page read back from swap and not written since is clean (its slot
     * still holds it): with the frames full of it and a dirty page, it is
     * the one taken, and its eviction needs no new slot. vt_age before a
     * claim makes every frame held a candidate */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(1);
    uint64_t a = VT_PAGE(0), b = VT_PAGE(1), c = VT_PAGE(2);

    for (int i = 0; i < 3; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(i), true, NULL, NULL) ==
                  ERR_OK);
    VT_EXPECT(vt_claim_write(&spt, a, 10));
    VT_EXPECT(vt_age(&spt));
    VT_EXPECT(vt_claim_write(&spt, b, 11)); /* one frame: A to swap */
    VT_EXPECT(!vt_resident(&spt, a));
    kernel_cmdline.user_frame_limit = (long)(cap + 1);
    VT_EXPECT(vt_claim_check(&spt, a, 10)); /* a second frame: A back, clean */
    VT_EXPECT(vt_resident(&spt, a) && vt_resident(&spt, b));
    struct page *pa = spt_lookup_page(&spt, a);
    VT_EXPECT(pa && !pa->dirty && pa->anon.slot != SWAP_SLOT_NONE);
    size_t slots = swap_used_count();
    VT_EXPECT(vt_age(&spt));
    VT_EXPECT(vt_claim_write(&spt, c, 12));
    VT_EXPECT(!vt_resident(&spt, a)); /* the clean one went */
    VT_EXPECT(vt_resident(&spt, b));  /* the dirty one stayed */
    VT_EXPECT(swap_used_count() == slots);
    VT_EXPECT(frame_in_use() <= cap + 1);
    VT_EXPECT(vt_age(&spt) && vt_claim_check(&spt, a, 10));
    VT_EXPECT(vt_age(&spt) && vt_claim_check(&spt, b, 11));
    VT_EXPECT(vt_age(&spt) && vt_claim_check(&spt, c, 12));

    vt_cap_restore();
    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, accessed_page_second_chance)
{
    /* four frames of clean file pages. Every round, the "user" touches all
     * of them but the newest (PTE accessed bit, set as the CPU would) and
     * a new page is claimed: the clock must skip the accessed ones (and
     * clear their bits) and take the newest, the frame its hand reaches
     * last, so that a clock ignoring the bits would take another. vt_age
     * before each claim: the newest is no recent claim any more */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0xacce);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(4);
    enum { ROUNDS = 6 };

    for (int i = 0; i < 4 + ROUNDS; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE, VT_PAGE(i), false, vt_fill,
                                                 &aux.base) == ERR_OK);
    for (int i = 0; i < 4; i++)
        VT_EXPECT(vm_claim_page(&spt, VT_PAGE(i)) == ERR_OK);
    VT_EXPECT(frame_in_use() == cap);
    size_t slots = swap_used_count();
    int spared = 0, victims = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int newest = 3 + r;
        for (int i = 0; i < newest; i++)
            if (vt_resident(&spt, VT_PAGE(i)))
                pt_update_flags(spt.pml4, VT_PAGE(i), PTE_ACCESSED, 0);
        VT_EXPECT(vt_age(&spt));
        VT_EXPECT(vm_claim_page(&spt, VT_PAGE(newest + 1)) == ERR_OK);
        victims += !vt_resident(&spt, VT_PAGE(newest));
        for (int i = 0; i < newest; i++)
            spared += vt_resident(&spt, VT_PAGE(i));
    }
    VT_EXPECT(victims == ROUNDS);
    VT_EXPECT(spared == 3 * ROUNDS); /* the three accessed pages, every round */
    VT_EXPECT(aux.calls == 4 + ROUNDS);
    VT_EXPECT(swap_used_count() == slots);
    VT_EXPECT(frame_in_use() <= cap);

    vt_cap_restore();
    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, pte_dirty_page_written_again)
{
    /* one frame (made old by vt_age before each claim that evicts). A page
     * read back from swap is clean; a user write (PTE dirty bit, set here
     * as the CPU would, with new contents written through the kva) makes
     * its next eviction write it again */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    vt_cap_set(1);
    uint64_t a = VT_PAGE(0), b = VT_PAGE(1);

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, a, true, NULL, NULL) == ERR_OK);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, b, true, NULL, NULL) == ERR_OK);
    VT_EXPECT(vt_claim_write(&spt, a, 40));
    VT_EXPECT(vt_age(&spt) && vt_claim_write(&spt, b, 41)); /* A to swap */
    VT_EXPECT(vt_age(&spt) && vt_claim_check(&spt, a, 40)); /* B to swap; A back, clean */
    struct page *pa = spt_lookup_page(&spt, a);
    VT_EXPECT(pa && pa->frame && !pa->dirty);
    void *kva = vm_user_frame(&spt, a);
    if (kva) {
        vt_fill_pattern(kva, 42);
        pt_update_flags(spt.pml4, a, PTE_DIRTY, 0);
    }
    VT_EXPECT(kva != NULL);
    VT_EXPECT(vt_age(&spt) && vt_claim_check(&spt, b, 41)); /* A to swap again: written */
    VT_EXPECT(!vt_resident(&spt, a));
    VT_EXPECT(vt_age(&spt) && vt_claim_check(&spt, a, 42));
    VT_EXPECT(swap_used_count() == s0.swap_used + 2);

    vt_cap_restore();
    spt_kill(&spt);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, recent_claims_no_livelock)
{
    /* the frames of the last FRAME_RECENT_CLAIMS claims are no victims,
     * clean or dirty, with swap or without: under a cap of that many frames
     * or fewer, a claim beyond it fails with ERR_NO_MEMORY (instead of
     * taking a frame the faulting instruction needs, or waiting for one
     * for ever) and changes nothing; once other claims have come between,
     * the same claim evicts */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0x4ece);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(1);
    enum { N = FRAME_RECENT_CLAIMS };
    uint64_t extra = VT_PAGE(N);

    /* pages 0 .. N-1: even ones clean file pages, odd ones dirty anonymous */
    for (int i = 0; i < N; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, i % 2 ? VM_ANON : VM_FILE, VT_PAGE(i), i % 2,
                                                 vt_fill, &aux.base) == ERR_OK);
    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, extra, true, NULL, NULL) == ERR_OK);
    size_t slots = swap_used_count();
    /* one frame, a clean page just claimed in it */
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(0)) == ERR_OK);
    VT_EXPECT(vm_claim_page(&spt, extra) == ERR_NO_MEMORY);
    VT_EXPECT(vt_resident(&spt, VT_PAGE(0)));
    VT_EXPECT(frame_in_use() == cap);
    /* FRAME_RECENT_CLAIMS frames, every one among the last claims */
    cap = cap - 1 + N;
    kernel_cmdline.user_frame_limit = (long)cap;
    for (int i = 1; i < N; i++)
        VT_EXPECT(vm_claim_page(&spt, VT_PAGE(i)) == ERR_OK);
    VT_EXPECT(frame_in_use() == cap);
    VT_EXPECT(vm_claim_page(&spt, extra) == ERR_NO_MEMORY);
    VT_EXPECT(vm_claim_page(&spt, extra) == ERR_NO_MEMORY); /* and again */
    struct page *xp = spt_lookup_page(&spt, extra);
    VT_EXPECT(xp && !xp->frame && !xp->busy && page_type(xp) == VM_UNINIT);
    VT_EXPECT(pt_translate(spt.pml4, extra) == 0);
    bool intact = true;
    for (int i = 0; i < N; i++) {
        void *kva = vm_user_frame(&spt, VT_PAGE(i));
        intact &= kva && vt_has_pattern(kva, VT_PAGE(i) ^ aux.seed);
    }
    VT_EXPECT(intact);
    VT_EXPECT(aux.calls == N);
    VT_EXPECT(swap_used_count() == slots);
    VT_EXPECT(frame_in_use() == cap);
    /* claims of scratch pages in between (on a frame of their own): every
     * frame may go now, and a clean one is taken */
    VT_EXPECT(vt_age(&spt));
    VT_EXPECT(vm_claim_page(&spt, extra) == ERR_OK);
    VT_EXPECT(vt_resident(&spt, extra));
    int gone = 0, gone_clean = 0;
    for (int i = 0; i < N; i++) {
        gone += !vt_resident(&spt, VT_PAGE(i));
        gone_clean += !vt_resident(&spt, VT_PAGE(i)) && i % 2 == 0;
    }
    VT_EXPECT(gone == 1 && gone_clean == 1);
    VT_EXPECT(swap_used_count() == slots);
    VT_EXPECT(frame_in_use() == cap);

    vt_cap_restore();
    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(frame, dealloc_frees_frame_and_slot)
{
    /* two frames beside the recent claims', four pages more than that */
    enum { CAP = 2 + FRAME_RECENT_CLAIMS, N = CAP + 4 };
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    vt_cap_set(CAP);

    for (int i = 0; i < N; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(i), true, NULL, NULL) ==
                  ERR_OK);
    for (int i = 0; i < N; i++)
        VT_EXPECT(vt_claim_write(&spt, VT_PAGE(i), 20 + i));
    struct page *swapped = NULL, *resident = NULL;
    size_t n_resident = 0;
    for (int i = 0; i < N; i++) {
        struct page *p = spt_lookup_page(&spt, VT_PAGE(i));
        if (p && p->frame) {
            resident = p;
            n_resident++;
        } else if (p && !swapped) {
            swapped = p;
        }
    }
    VT_EXPECT(n_resident >= FRAME_RECENT_CLAIMS && n_resident <= CAP);
    VT_EXPECT(frame_in_use() == s0.user_frames + n_resident);
    VT_EXPECT(swap_used_count() == s0.swap_used + (N - n_resident));
    VT_EXPECT(swapped && resident);
    if (swapped && resident) {
        uint64_t rva = resident->va;
        size_t slots = swap_used_count(), frames = frame_in_use();
        spt_remove_page(&spt, swapped); /* its slot is freed */
        VT_EXPECT(swap_used_count() == slots - 1);
        VT_EXPECT(frame_in_use() == frames);
        spt_remove_page(&spt, resident); /* its frame is freed, unmapped */
        VT_EXPECT(frame_in_use() == frames - 1);
        VT_EXPECT(pt_translate(spt.pml4, rva) == 0);
        VT_EXPECT(swap_used_count() == slots - 1);
    }
    VT_EXPECT(spt_page_count(&spt) == N - 2);

    vt_cap_restore();
    spt_kill(&spt); /* the swapped pages and resident ones left */
    VT_EXPECT(swap_used_count() == s0.swap_used);
    VT_EXPECT(frame_in_use() == s0.user_frames);
    KT_ASSERT(vt_snap_same(&s0));
}

/* ---- swap --------------------------------------------------------------- */

KTEST(swap, has_slots)
{
    size_t n = swap_slot_count();
    printf("  note: %lu swap slots\n", n);
    KT_ASSERT(n > 0);
    KT_ASSERT(swap_used_count() <= n);
}

KTEST(swap, alloc_distinct_and_free)
{
    enum { N = 64 };
    size_t used0 = swap_used_count(), count = swap_slot_count();
    KT_ASSERT(count - used0 >= N);
    size_t slots[N];
    bool valid = true, distinct = true;
    for (int i = 0; i < N; i++) {
        slots[i] = swap_alloc();
        valid &= slots[i] != SWAP_SLOT_NONE && slots[i] < count;
        for (int j = 0; j < i; j++)
            distinct &= slots[j] != slots[i];
    }
    bool tracked = swap_used_count() == used0 + N;
    for (int i = 0; i < N; i += 2)
        if (slots[i] != SWAP_SLOT_NONE)
            swap_free(slots[i]);
    bool half = swap_used_count() == used0 + N / 2;
    /* the freed slots can be had again; none is one still held */
    for (int i = 0; i < N; i += 2) {
        slots[i] = swap_alloc();
        valid &= slots[i] != SWAP_SLOT_NONE && slots[i] < count;
        for (int j = 1; j < N; j += 2)
            distinct &= slots[j] != slots[i];
        for (int j = 0; j < i; j += 2)
            distinct &= slots[j] != slots[i];
    }
    bool refilled = swap_used_count() == used0 + N;
    for (int i = 0; i < N; i++)
        if (slots[i] != SWAP_SLOT_NONE)
            swap_free(slots[i]);
    KT_ASSERT(valid);
    KT_ASSERT(distinct);
    KT_ASSERT(tracked);
    KT_ASSERT(half);
    KT_ASSERT(refilled);
    KT_ASSERT(swap_used_count() == used0);
}

/* vt_take_all_slots: swap_alloc until it fails, into a new array of
 * swap_slot_count() entries (*N set); NULL if no memory. */
static size_t *vt_take_all_slots(size_t *n, bool *overflow)
{
    size_t count = swap_slot_count();
    size_t *slots = kmalloc((count + 1) * sizeof *slots);
    *n = 0;
    *overflow = false;
    if (!slots)
        return NULL;
    size_t s;
    while ((s = swap_alloc()) != SWAP_SLOT_NONE) {
        if (*n == count) { /* more slots than there are */
            swap_free(s);
            *overflow = true;
            break;
        }
        slots[(*n)++] = s;
    }
    return slots;
}

static void vt_free_slots(size_t *slots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        swap_free(slots[i]);
    kfree(slots);
}

KTEST(swap, write_read_back)
{
    /* own every free slot, write a pattern to the first two, one in the
     * middle and the last two, then read them all back */
    size_t used0 = swap_used_count(), count = swap_slot_count();
    KT_ASSERT(count >= 8);
    void *buf = pmm_alloc_page();
    KT_ASSERT(buf);
    size_t n;
    bool overflow;
    size_t *slots = vt_take_all_slots(&n, &overflow);
    size_t lo = SWAP_SLOT_NONE, hi = 0;
    for (size_t i = 0; slots && i < n; i++) {
        lo = slots[i] < lo ? slots[i] : lo;
        hi = slots[i] > hi ? slots[i] : hi;
    }
    size_t targets[] = {lo, lo + 1, count / 2, hi - 1, hi};
    enum { T = sizeof targets / sizeof targets[0] };
    bool owned = true; /* each target is one of ours */
    for (int t = 0; t < T; t++) {
        bool found = false;
        for (size_t i = 0; slots && i < n; i++)
            found |= slots[i] == targets[t];
        owned &= found;
    }
    int write_err = ERR_OK, read_err = ERR_OK;
    bool same = true;
    if (slots && owned) {
        for (int t = 0; t < T; t++) {
            vt_fill_pattern(buf, 1000 + targets[t]);
            write_err |= swap_write(targets[t], buf);
        }
        for (int t = 0; t < T; t++) {
            memset(buf, 0, PAGE_SIZE);
            read_err |= swap_read(targets[t], buf);
            same &= vt_has_pattern(buf, 1000 + targets[t]);
        }
    }
    if (slots)
        vt_free_slots(slots, n);
    pmm_free_page(buf);
    KT_ASSERT(slots && !overflow);
    KT_ASSERT(used0 != 0 || (lo == 0 && hi == count - 1));
    KT_ASSERT(owned);
    KT_ASSERT(write_err == ERR_OK && read_err == ERR_OK);
    KT_ASSERT(same);
    KT_ASSERT(swap_used_count() == used0);
}

KTEST(swap, exhaust_and_recover)
{
    size_t used0 = swap_used_count(), count = swap_slot_count();
    KT_ASSERT(count > 0);
    struct bitmap *seen = bitmap_create(count);
    KT_ASSERT(seen);
    size_t n;
    bool overflow;
    size_t *slots = vt_take_all_slots(&n, &overflow);
    bool distinct = true, in_range = true;
    for (size_t i = 0; slots && i < n; i++) {
        in_range &= slots[i] < count;
        if (slots[i] < count) {
            distinct &= !bitmap_test(seen, slots[i]);
            bitmap_mark(seen, slots[i]);
        }
    }
    size_t used_full = swap_used_count();
    size_t extra = swap_alloc(); /* one more: none left */
    size_t again = SWAP_SLOT_NONE, after_again = 0, freed = 0;
    if (slots && n > 0) {
        freed = slots[n / 2];
        swap_free(freed);
        again = swap_alloc(); /* the only free slot */
        after_again = swap_alloc();
        if (again != SWAP_SLOT_NONE)
            slots[n / 2] = again;
        else { /* it stays free: not ours to free again */
            size_t last = slots[n - 1];
            slots[n / 2] = last;
            n--;
        }
        if (after_again != SWAP_SLOT_NONE)
            swap_free(after_again);
    }
    if (slots)
        vt_free_slots(slots, n);
    bitmap_destroy(seen);
    if (extra != SWAP_SLOT_NONE)
        swap_free(extra);
    size_t used_end = swap_used_count();
    size_t reuse = swap_alloc(); /* freeing restored the allocator */
    if (reuse != SWAP_SLOT_NONE)
        swap_free(reuse);
    KT_ASSERT(slots && !overflow);
    KT_ASSERT(n == count - used0);
    KT_ASSERT(in_range && distinct);
    KT_ASSERT(used_full == count);
    KT_ASSERT(extra == SWAP_SLOT_NONE);
    KT_ASSERT(again != SWAP_SLOT_NONE && again == freed);
    KT_ASSERT(after_again == SWAP_SLOT_NONE);
    KT_ASSERT(used_end == used0);
    KT_ASSERT(reuse != SWAP_SLOT_NONE);
    KT_ASSERT(swap_used_count() == used0);
}

/* ---- noswap ------------------------------------------------------------- */

/* vt_noswap_skip: true (said once per test) when a swap partition exists:
 * the checks below are for ktest-swap-none, which forbids this note. */
static bool vt_noswap_skip(const char *test)
{
    if (swap_slot_count() == 0)
        return false;
    printf("  note: noswap/%s skipped: a swap partition is present\n", test);
    return true;
}

KTEST(noswap, no_slots)
{
    if (vt_noswap_skip("no_slots"))
        return;
    KT_ASSERT(swap_alloc() == SWAP_SLOT_NONE);
    KT_ASSERT(swap_alloc() == SWAP_SLOT_NONE);
    KT_ASSERT(swap_used_count() == 0);
}

KTEST(noswap, only_clean_pages_evicted)
{
    /* VT_NOSWAP_CAP frames, no swap: a clean file page claimed first, then
     * dirty anonymous pages in every other frame. The next claim takes the
     * file page's frame (it is not among the FRAME_RECENT_CLAIMS most
     * recently claimed frames, which are never victims); after that only
     * dirty pages are resident and every claim fails, changing nothing */
    if (vt_noswap_skip("only_clean_pages_evicted"))
        return;
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 0);
    struct spt spt;
    KT_ASSERT(spt_init(&spt) == ERR_OK);
    size_t cap = vt_cap_set(VT_NOSWAP_CAP);
    uint64_t file = VT_PAGE(VT_NOSWAP_CAP + 1); /* anonymous pages: 0 .. VT_NOSWAP_CAP */

    VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_FILE, file, false, vt_fill, &aux.base) ==
              ERR_OK);
    for (int i = 0; i <= VT_NOSWAP_CAP; i++)
        VT_EXPECT(vm_alloc_page_with_initializer(&spt, VM_ANON, VT_PAGE(i), true, NULL, NULL) ==
                  ERR_OK);
    VT_EXPECT(vm_claim_page(&spt, file) == ERR_OK);
    bool written = true;
    for (int i = 0; i < VT_NOSWAP_CAP - 1; i++)
        written &= vt_claim_write(&spt, VT_PAGE(i), 30 + i);
    VT_EXPECT(written);
    VT_EXPECT(frame_in_use() == cap);
    /* the clean file page goes */
    VT_EXPECT(vt_claim_write(&spt, VT_PAGE(VT_NOSWAP_CAP - 1), 30 + VT_NOSWAP_CAP - 1));
    VT_EXPECT(!vt_resident(&spt, file));
    VT_EXPECT(pt_translate(spt.pml4, file) == 0);
    VT_EXPECT(frame_in_use() == cap);
    /* only dirty pages now: no claim can succeed */
    VT_EXPECT(vm_claim_page(&spt, VT_PAGE(VT_NOSWAP_CAP)) == ERR_NO_MEMORY);
    VT_EXPECT(vm_claim_page(&spt, file) == ERR_NO_MEMORY);
    struct page *last = spt_lookup_page(&spt, VT_PAGE(VT_NOSWAP_CAP));
    struct page *fp = spt_lookup_page(&spt, file);
    VT_EXPECT(last && !last->frame && !last->busy);
    VT_EXPECT(fp && !fp->frame && !fp->busy);
    VT_EXPECT(pt_translate(spt.pml4, VT_PAGE(VT_NOSWAP_CAP)) == 0);
    VT_EXPECT(aux.calls == 1);
    bool intact = true;
    for (int i = 0; i < VT_NOSWAP_CAP; i++) {
        void *kva = vm_user_frame(&spt, VT_PAGE(i));
        intact &= kva && vt_has_pattern(kva, 30 + i);
    }
    VT_EXPECT(intact);
    VT_EXPECT(frame_in_use() == cap);
    VT_EXPECT(swap_used_count() == 0);
    /* a frame given back can be had again */
    struct page *p0 = spt_lookup_page(&spt, VT_PAGE(0));
    if (p0)
        spt_remove_page(&spt, p0);
    VT_EXPECT(vm_claim_page(&spt, file) == ERR_OK);
    void *fkva = vm_user_frame(&spt, file);
    VT_EXPECT(fkva && vt_has_pattern(fkva, file));
    VT_EXPECT(aux.calls == 2);

    vt_cap_restore();
    spt_kill(&spt);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}
