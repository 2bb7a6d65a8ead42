/* Unit tests of copy-on-write fork (mm/vm.c, mm/anon.c, mm/frame.c),
 * suite cow. Table A plays the parent, table B the child: vm_share_page
 * (or vm_copy_page) registers in B the child's copy of a page of A, as
 * fork does. The rules checked (README "Copy-on-write fork"):
 *   - a resident writable page is shared, not copied: one frame, mapped
 *     read-only in both tables, whose reverse map (frame->pages,
 *     frame->refs) holds both pages, both cow; a read-only page is shared
 *     for good, without cow;
 *   - a write fault on a shared page gives the writer a copy (in a frame
 *     evicted for it if need be, never the one it copies; no frame: the
 *     fault fails at once); the last page of a frame is just made
 *     writable;
 *   - a shared frame is evicted from both pages at once, to one swap slot
 *     both hold (swap_refs); read back, it is ONE frame for both (the
 *     swap cache), read-only until a write copies it; evicted again
 *     unwritten, it goes back to the same slot;
 *   - a swapped-out page is shared by its slot; freeing one sharer leaves
 *     the other its frame or slot;
 *   - a page never touched is registered again in the child, without a
 *     frame (a page of a range is left to the child's range);
 *   - a table torn down (its anonymous pages in batches) leaves every
 *     page of another table its frame and contents.
 * A user access is a call of vm_try_handle_fault with the fault the CPU
 * would raise (ct_read_in, ct_write); contents are reached through frame
 * kvas (mm/vm_test.h). Checks are of behaviour only: frames, reference
 * counts, slots, PTE bits. Every test ends with its tables killed and
 * frames, heap bytes and swap slots back to its snapshot. */
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "mm/frame.h"
#include "mm/paging.h"
#include "mm/spt.h"
#include "mm/swap.h"
#include "mm/vm.h"
#include "mm/vm_test.h"

#define CT_VA          VT_PAGE(0)   /* the shared page */
#define CT_RO_VA       VT_PAGE(1)   /* a read-only page */
#define CT_SCRATCH     VT_PAGE(100) /* ct_evict's page */
#define CT_RANGE       VT_PAGE(16)  /* a range of CT_RANGE_PAGES pages */
#define CT_RANGE_PAGES 4
#define CT_KEY         0xc0ffee     /* the pattern of the shared page */
#define CT_KEY_NEW     (CT_KEY + 1) /* the pattern a writer leaves */

/* PTE bits of a page mapped read-only / writable (ct_pte). */
#define CT_RO PTE_PRESENT
#define CT_RW (PTE_PRESENT | PTE_WRITABLE)

/* ---- helpers ------------------------------------------------------------ */

/* ct_tables: two empty tables, A (the parent) and B (the child). */
static bool ct_tables(struct spt *a, struct spt *b)
{
    if (spt_init(a) < 0)
        return false;
    if (spt_init(b) == ERR_OK)
        return true;
    spt_kill(a);
    return false;
}

/* ct_kill: kill both tables (B first: a child exits before its parent's
 * teardown in most runs; the order must not matter). */
static void ct_kill(struct spt *a, struct spt *b)
{
    spt_kill(b);
    spt_kill(a);
}

/* ct_page: a resident anonymous page at VA of SPT holding KEY's pattern,
 * or NULL. */
static struct page *ct_page(struct spt *spt, uint64_t va, bool writable, uint64_t key)
{
    if (vm_alloc_page_with_initializer(spt, VM_ANON, va, writable, NULL, NULL) < 0 ||
        !vt_claim_write(spt, va, key))
        return NULL;
    return spt_lookup_page(spt, va);
}

/* ct_share: fork's copy in B of page SRC of A (vm_share_page, as
 * anon_copy calls it), or NULL. */
static struct page *ct_share(struct spt *b, struct page *src)
{
    if (!src || vm_share_page(b, src, NULL, NULL) < 0)
        return NULL;
    return spt_lookup_page(b, src->va);
}

/* ct_write: a user write to VA of SPT, mapped read-only: the protection
 * fault the CPU raises (copy-on-write). */
static enum vm_fault_result ct_write(struct spt *spt, uint64_t va)
{
    struct vm_fault f = {.addr = va, .user = true, .write = true, .present = true};
    return vm_try_handle_fault(spt, &f);
}

/* ct_read_in: a user read of VA of SPT, not mapped: the not-present fault
 * the CPU raises. */
static enum vm_fault_result ct_read_in(struct spt *spt, uint64_t va)
{
    struct vm_fault f = {.addr = va, .user = true};
    return vm_try_handle_fault(spt, &f);
}

/* ct_pte: the PTE_PRESENT and PTE_WRITABLE bits of VA in SPT's table. */
static uint64_t ct_pte(struct spt *spt, uint64_t va)
{
    pte_t *pte = pt_lookup(spt->pml4, va);
    return pte ? *pte & CT_RW : 0;
}

/* ct_maps: whether SPT's table maps VA to frame F. */
static bool ct_maps(struct spt *spt, uint64_t va, const struct frame *f)
{
    return f && pt_translate(spt->pml4, va) == virt_to_phys(f->kva);
}

/* ct_in_rmap: whether PAGE is in F's reverse map. */
static bool ct_in_rmap(const struct frame *f, const struct page *page)
{
    bool found = false;
    struct page *p;
    frame_lock_acquire();
    frame_for_each_page(p, f) found |= p == page;
    frame_lock_release();
    return found;
}

/* ct_one_frame: whether PA of A and PB of B (at the same address) map one
 * frame, REFS pages in all, both in its reverse map, both tables mapping
 * it there, read-only. */
static bool ct_one_frame(struct spt *a, struct page *pa, struct spt *b, struct page *pb,
                         unsigned refs)
{
    struct frame *f = pa ? pa->frame : NULL;
    return f && pb && pb->frame == f && f->refs == refs && ct_in_rmap(f, pa) && ct_in_rmap(f, pb) &&
           ct_maps(a, pa->va, f) && ct_maps(b, pb->va, f) && ct_pte(a, pa->va) == CT_RO &&
           ct_pte(b, pb->va) == CT_RO;
}

/* ct_swapped: whether PAGE is out of memory and unmapped, holding SLOT. */
static bool ct_swapped(struct spt *spt, const struct page *page, size_t slot)
{
    return page && !page->frame && page->anon.slot == slot &&
           pt_translate(spt->pml4, page->va) == 0;
}

/* ct_evict: evict the one frame the tables of a test hold, with the swap
 * it needs: under a cap of the frames in use, every frame made old
 * (vt_age), a claim of a scratch page of SPT takes it; the scratch page
 * is freed and the cap restored. */
static bool ct_evict(struct spt *spt)
{
    vt_cap_set(0);
    bool ok = vt_age(spt);
    ok &= vm_alloc_page_with_initializer(spt, VM_ANON, CT_SCRATCH, true, NULL, NULL) == ERR_OK;
    ok &= vm_claim_page(spt, CT_SCRATCH) == ERR_OK;
    struct page *p = spt_lookup_page(spt, CT_SCRATCH);
    if (p)
        spt_remove_page(spt, p);
    vt_cap_restore();
    return ok;
}

/* ct_contents: whether the frame of PAGE holds KEY's pattern. */
static bool ct_contents(const struct page *page, uint64_t key)
{
    return page && page->frame && vt_has_pattern(page->frame->kva, key);
}

/* ---- tests -------------------------------------------------------------- */

KTEST(cow, share_resident_page)
{
    /* fork shares a resident page instead of copying it: the child maps
     * the parent's frame, the frame's reverse map holds both pages, and a
     * writable page is mapped read-only in both (cow) so that the first
     * write faults; a read-only page is shared for good: no cow, and a
     * write to it is a protection fault in either table */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *ra = ct_page(&a, CT_RO_VA, false, CT_KEY_NEW);
    VT_EXPECT(pa && ra && ct_pte(&a, CT_VA) == CT_RW);
    struct page *pb = ct_share(&b, pa), *rb = ct_share(&b, ra);
    VT_EXPECT(pb && page_type(pb) == VM_ANON && pb->writable);
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2));
    VT_EXPECT(pa && pa->cow && pb && pb->cow);
    VT_EXPECT(ct_contents(pb, CT_KEY));
    VT_EXPECT(rb && !rb->writable && ct_one_frame(&a, ra, &b, rb, 2));
    VT_EXPECT(ra && !ra->cow && rb && !rb->cow);
    VT_EXPECT(frame_in_use() == s0.user_frames + 2); /* nothing copied */
    VT_EXPECT(ct_write(&b, CT_RO_VA) == VM_FAULT_PROTECTION);
    VT_EXPECT(ct_write(&a, CT_RO_VA) == VM_FAULT_PROTECTION);
    VT_EXPECT(ct_one_frame(&a, ra, &b, rb, 2));

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, write_copies_then_last_sharer_keeps)
{
    /* a write to a shared page gives the writer a frame of its own holding
     * a copy (the child here); the other page keeps the old frame, now its
     * alone, and its own write just makes it writable: no copy */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    struct frame *old = pa ? pa->frame : NULL;
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2));
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pb && pb->frame && pb->frame != old && !pb->cow);
    VT_EXPECT(ct_contents(pb, CT_KEY));
    VT_EXPECT(pb && ct_maps(&b, CT_VA, pb->frame) && ct_pte(&b, CT_VA) == CT_RW);
    VT_EXPECT(pa && pa->frame == old && old->refs == 1 && ct_in_rmap(old, pa));
    VT_EXPECT(ct_maps(&a, CT_VA, old) && ct_pte(&a, CT_VA) == CT_RO);
    if (pb && pb->frame) /* the child's write shows in its copy only */
        vt_fill_pattern(pb->frame->kva, CT_KEY_NEW);
    VT_EXPECT(ct_contents(pa, CT_KEY));
    VT_EXPECT(frame_in_use() == s0.user_frames + 2);

    VT_EXPECT(ct_write(&a, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pa && pa->frame == old && !pa->cow && old->refs == 1);
    VT_EXPECT(ct_maps(&a, CT_VA, old) && ct_pte(&a, CT_VA) == CT_RW);
    VT_EXPECT(ct_contents(pa, CT_KEY) && ct_contents(pb, CT_KEY_NEW));
    VT_EXPECT(frame_in_use() == s0.user_frames + 2);

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, evict_shared_frame)
{
    /* eviction unmaps a shared frame from every page and writes it once,
     * to one slot both pages hold (one reference each); a slot several
     * pages hold comes back as ONE frame for all (the swap cache: the
     * first fault reads it, the second maps that frame), read-only until
     * a write copies it */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2));
    VT_EXPECT(ct_evict(&a));
    size_t slot = pa ? pa->anon.slot : SWAP_SLOT_NONE;
    VT_EXPECT(slot != SWAP_SLOT_NONE && swap_refs(slot) == 2);
    VT_EXPECT(ct_swapped(&a, pa, slot) && ct_swapped(&b, pb, slot));
    VT_EXPECT(swap_used_count() == s0.swap_used + 1);
    VT_EXPECT(frame_in_use() == s0.user_frames);

    VT_EXPECT(ct_read_in(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_contents(pb, CT_KEY) && ct_pte(&b, CT_VA) == CT_RO && pb->cow);
    VT_EXPECT(ct_read_in(&a, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2));
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);
    VT_EXPECT(swap_refs(slot) == 2);

    VT_EXPECT(ct_write(&a, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pa && pb && pa->frame && pa->frame != pb->frame && !pa->cow);
    VT_EXPECT(ct_contents(pa, CT_KEY) && ct_pte(&a, CT_VA) == CT_RW);
    VT_EXPECT(pb && pb->frame && pb->frame->refs == 1 && ct_pte(&b, CT_VA) == CT_RO);
    VT_EXPECT(swap_refs(slot) == 1 && pb && pb->anon.slot == slot); /* A's copy is its frame */
    VT_EXPECT(frame_in_use() == s0.user_frames + 2);

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, share_swapped_page)
{
    /* a page in swap is shared by its slot (one more reference), nothing
     * is read; the first of the two pages to fault reads the slot, the
     * other maps that frame (the swap cache, whichever faults first) */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    VT_EXPECT(ct_evict(&a));
    size_t slot = pa ? pa->anon.slot : SWAP_SLOT_NONE;
    VT_EXPECT(slot != SWAP_SLOT_NONE && swap_refs(slot) == 1);
    struct page *pb = ct_share(&b, pa);
    VT_EXPECT(ct_swapped(&a, pa, slot) && ct_swapped(&b, pb, slot));
    VT_EXPECT(swap_refs(slot) == 2 && pa && pa->cow && pb && pb->cow);
    VT_EXPECT(swap_used_count() == s0.swap_used + 1);
    VT_EXPECT(frame_in_use() == s0.user_frames);

    VT_EXPECT(ct_read_in(&a, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_read_in(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2) && ct_contents(pb, CT_KEY));
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pa && pb && pb->frame != pa->frame && ct_contents(pb, CT_KEY));
    VT_EXPECT(pa && pa->frame && pa->frame->refs == 1 && swap_refs(slot) == 1);

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, free_one_sharer_resident)
{
    /* freeing one page of a shared frame (a child exiting) leaves the
     * other the frame, mapped and intact, one reference fewer; its next
     * write, as the last sharer, makes it writable without a copy */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    struct frame *f = pa ? pa->frame : NULL;
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2));
    if (pb)
        spt_remove_page(&b, pb);
    VT_EXPECT(pt_translate(b.pml4, CT_VA) == 0);
    VT_EXPECT(pa && pa->frame == f && f->refs == 1 && ct_in_rmap(f, pa));
    VT_EXPECT(ct_maps(&a, CT_VA, f) && ct_contents(pa, CT_KEY));
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);
    VT_EXPECT(ct_write(&a, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pa && pa->frame == f && !pa->cow && ct_pte(&a, CT_VA) == CT_RW);
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, free_one_sharer_swapped)
{
    /* freeing one holder of a shared slot (the parent exiting while its
     * child's page is in swap) drops one reference: the slot stays for the
     * other, which reads it back intact and, alone now, writes without a
     * copy */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    VT_EXPECT(ct_evict(&a));
    size_t slot = pb ? pb->anon.slot : SWAP_SLOT_NONE;
    VT_EXPECT(slot != SWAP_SLOT_NONE && swap_refs(slot) == 2);
    if (pa)
        spt_remove_page(&a, pa);
    VT_EXPECT(swap_refs(slot) == 1 && ct_swapped(&b, pb, slot));
    VT_EXPECT(swap_used_count() == s0.swap_used + 1);
    VT_EXPECT(ct_read_in(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_contents(pb, CT_KEY) && pb->frame->refs == 1);
    struct frame *f = pb ? pb->frame : NULL;
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pb && pb->frame == f && !pb->cow && ct_pte(&b, CT_VA) == CT_RW);
    VT_EXPECT(frame_in_use() == s0.user_frames + 1);

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, private_write_leaves_slot)
{
    /* a slot is rewritten in place only while the pages being evicted hold
     * every reference to it: B, alone on the frame read from a shared slot,
     * writes without a copy (last sharer of the frame) and is evicted
     * again; A, still in swap, must read the old contents there, B its own
     * from a new slot */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    VT_EXPECT(ct_evict(&a));
    size_t slot = pa ? pa->anon.slot : SWAP_SLOT_NONE;
    VT_EXPECT(ct_read_in(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pb && pb->frame && pb->frame->refs == 1 && ct_pte(&b, CT_VA) == CT_RW);
    if (pb && pb->frame) { /* the user's write: new contents, PTE dirty bit */
        vt_fill_pattern(pb->frame->kva, CT_KEY_NEW);
        pt_update_flags(b.pml4, CT_VA, PTE_DIRTY, 0);
    }
    VT_EXPECT(ct_evict(&b));
    VT_EXPECT(ct_swapped(&a, pa, slot) && swap_refs(slot) == 1);
    VT_EXPECT(pb && !pb->frame && pb->anon.slot != slot && pb->anon.slot != SWAP_SLOT_NONE);
    VT_EXPECT(ct_read_in(&a, CT_VA) == VM_FAULT_RESOLVED && ct_contents(pa, CT_KEY));
    VT_EXPECT(ct_read_in(&b, CT_VA) == VM_FAULT_RESOLVED && ct_contents(pb, CT_KEY_NEW));
    VT_EXPECT(pa && pb && pa->frame != pb->frame);

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, untouched_page_registered_again)
{
    /* a page never touched has no contents to share: the child gets the
     * same promise (an uninit page with the same initializer, its aux
     * referenced once more), no frame; each side then reads its own. A
     * page of a range is left to the child's copy of the range */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, CT_KEY);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    VT_EXPECT(vm_alloc_page_with_initializer(&a, VM_ANON, CT_VA, true, vt_fill, &aux.base) ==
              ERR_OK);
    VT_EXPECT(spt_add_range(&a, CT_RANGE, CT_RANGE + CT_RANGE_PAGES * PAGE_SIZE, VM_ANON, true,
                            NULL, NULL) == ERR_OK);
    struct page *pa = spt_lookup_page(&a, CT_VA), *ra = spt_find_page(&a, CT_RANGE);
    VT_EXPECT(pa && vm_copy_page(&b, pa) == ERR_OK);
    VT_EXPECT(ra && ra->from_range && vm_copy_page(&b, ra) == ERR_OK);
    VT_EXPECT(spt_lookup_page(&b, CT_RANGE) == NULL && !spt_registered(&b, CT_RANGE));
    struct page *pb = spt_lookup_page(&b, CT_VA);
    VT_EXPECT(pb && page_type(pb) == VM_UNINIT && !pb->frame && pb->writable);
    VT_EXPECT(pb && pb->uninit.init == vt_fill && pb->uninit.aux == &aux.base);
    VT_EXPECT(aux.base.refs == 3 && aux.calls == 0);
    VT_EXPECT(pt_translate(b.pml4, CT_VA) == 0 && frame_in_use() == s0.user_frames);

    VT_EXPECT(vt_claim_check(&b, CT_VA, CT_VA ^ aux.seed) && aux.calls == 1);
    VT_EXPECT(pa && page_type(pa) == VM_UNINIT && !pa->frame);
    VT_EXPECT(vt_claim_check(&a, CT_VA, CT_VA ^ aux.seed) && aux.calls == 2);
    VT_EXPECT(pa && pb && pa->frame != pb->frame && pa->frame->refs == 1 && !pb->cow);

    ct_kill(&a, &b);
    VT_EXPECT(aux.base.refs == 1 && aux.released == 0);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, copy_evicts_another_frame)
{
    /* the frame being copied is no victim of the copy's own eviction (its
     * page is busy): under a full cap, the write evicts another old frame
     * (G, a dirty page of A) and copies into it */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    struct page *ga = ct_page(&a, CT_RO_VA, true, CT_KEY_NEW);
    struct frame *f = pa ? pa->frame : NULL;
    vt_cap_set(FRAME_RECENT_CLAIMS);
    VT_EXPECT(vt_pad(&a, 0)); /* the cap is full; F and G are old */
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    vt_cap_restore();
    VT_EXPECT(ga && !ga->frame && ga->anon.slot != SWAP_SLOT_NONE);
    VT_EXPECT(pa && pa->frame == f && f->refs == 1 && ct_contents(pa, CT_KEY));
    VT_EXPECT(pb && pb->frame && pb->frame != f && ct_contents(pb, CT_KEY));
    VT_EXPECT(vt_claim_check(&a, CT_RO_VA, CT_KEY_NEW));

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, copy_without_frame_fails)
{
    /* a write to a shared page whose copy can find no frame (the cap full
     * of recent claims' frames and the shared frame itself, which the
     * copy cannot evict) fails with VM_FAULT_NO_MEMORY (the process is
     * ended), changing nothing; it must not wait for a frame that only
     * its own fault keeps busy. With a frame free, the same write copies */
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa);
    vt_cap_set(FRAME_RECENT_CLAIMS);
    VT_EXPECT(vt_pad(&a, 0)); /* the cap is full; only the shared frame is old */
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_NO_MEMORY);
    VT_EXPECT(ct_one_frame(&a, pa, &b, pb, 2) && pb->cow && !pb->busy);
    vt_cap_restore();
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(pa && pb && pb->frame != pa->frame && ct_contents(pb, CT_KEY));

    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, three_sharers)
{
    /* a fork of a fork: three pages on one frame, then on one slot (three
     * references); read back by all three, in any order, it is one frame
     * again; evicted again unwritten, it goes back to the same slot with
     * nothing new allocated (its pages hold every reference to it); a
     * write by the middle one copies, the other two keep the frame */
    KT_ASSERT(swap_slot_count() > 0);
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct spt a, b, c;
    KT_ASSERT(ct_tables(&a, &b));
    if (spt_init(&c) < 0) {
        ct_kill(&a, &b);
        KT_ASSERT(false);
    }

    struct page *pa = ct_page(&a, CT_VA, true, CT_KEY);
    struct page *pb = ct_share(&b, pa), *pc = ct_share(&c, pb);
    VT_EXPECT(ct_one_frame(&a, pa, &c, pc, 3) && ct_one_frame(&a, pa, &b, pb, 3));
    VT_EXPECT(ct_evict(&a));
    size_t slot = pa ? pa->anon.slot : SWAP_SLOT_NONE;
    VT_EXPECT(ct_swapped(&a, pa, slot) && ct_swapped(&b, pb, slot) && ct_swapped(&c, pc, slot));
    VT_EXPECT(slot != SWAP_SLOT_NONE && swap_refs(slot) == 3);
    for (int round = 0; round < 2; round++) {
        VT_EXPECT(ct_read_in(&c, CT_VA) == VM_FAULT_RESOLVED);
        VT_EXPECT(ct_read_in(&a, CT_VA) == VM_FAULT_RESOLVED);
        VT_EXPECT(ct_read_in(&b, CT_VA) == VM_FAULT_RESOLVED);
        VT_EXPECT(ct_one_frame(&a, pa, &c, pc, 3) && ct_one_frame(&a, pa, &b, pb, 3));
        VT_EXPECT(ct_contents(pb, CT_KEY) && frame_in_use() == s0.user_frames + 1);
        if (round == 0)
            VT_EXPECT(ct_evict(&a));
        VT_EXPECT(swap_refs(slot) == 3 && swap_used_count() == s0.swap_used + 1);
    }
    VT_EXPECT(ct_write(&b, CT_VA) == VM_FAULT_RESOLVED);
    VT_EXPECT(ct_one_frame(&a, pa, &c, pc, 2) && pb && pb->frame != pa->frame);
    VT_EXPECT(ct_contents(pb, CT_KEY) && ct_pte(&b, CT_VA) == CT_RW && swap_refs(slot) == 2);

    spt_kill(&c);
    ct_kill(&a, &b);
    KT_ASSERT(vt_snap_same(&s0));
}

KTEST(cow, kill_in_batches_keeps_sharers)
{
    /* teardown gives anonymous pages back in batches (spt_kill): killing
     * the parent of many pages, some of them copied by the child, some
     * still shared, and a file page among them, leaves every page of the
     * child its frame (the last sharer of a frame) with its contents;
     * killing the child then gives everything back */
    enum { N = 3 * 32 + 5 };
    struct vt_snap s0;
    vt_snap_take(&s0);
    struct vt_aux aux;
    vt_aux_init(&aux, 11);
    struct spt a, b;
    KT_ASSERT(ct_tables(&a, &b));

    struct page *pb[N];
    for (int i = 0; i < N; i++)
        pb[i] = ct_share(&b, ct_page(&a, VT_PAGE(i), true, CT_KEY + i));
    for (int i = 0; i < N; i += 3)
        VT_EXPECT(ct_write(&b, VT_PAGE(i)) == VM_FAULT_RESOLVED);
    VT_EXPECT(vm_alloc_page_with_initializer(&a, VM_FILE, VT_PAGE(N), false, vt_fill, &aux.base) ==
              ERR_OK);
    VT_EXPECT(vm_claim_page(&a, VT_PAGE(N)) == ERR_OK);
    VT_EXPECT(frame_in_use() == s0.user_frames + N + (N + 2) / 3 + 1);

    spt_kill(&a);
    VT_EXPECT(frame_in_use() == s0.user_frames + N && aux.base.refs == 1);
    for (int i = 0; i < N; i++) {
        VT_EXPECT(pb[i] && pb[i]->frame && pb[i]->frame->refs == 1);
        VT_EXPECT(ct_contents(pb[i], CT_KEY + i));
    }
    spt_kill(&b);
    vm_aux_put(&aux.base);
    KT_ASSERT(vt_snap_same(&s0));
}
