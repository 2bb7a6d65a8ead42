/* Anonymous pages. When evicted, the contents go to a swap slot, which the
 * page keeps after it is read back in: as long as the page is not written
 * again (PTE dirty bit clear, see frame.c), the slot still holds its
 * contents, so a second eviction costs no I/O (a clean anonymous page is
 * as cheap to evict as a clean file page). The slot is freed when the page
 * is destroyed, or, when swap is full, taken back from every resident page
 * (frame_drop_swap_copies): what fits in memory plus swap does not depend
 * on which pages happened to be read back before.
 *
 * Sharing (fork, copy-on-write: mm/vm.c): a child's page shares its
 * parent's frame, or its swap slot when the parent's page is swapped out
 * (each page holds a reference to the slot, mm/swap.h). Every page that
 * maps one frame holds the same slot (or none): a shared frame is written
 * once, to one slot, for all its pages. A slot is rewritten in place only
 * while the pages of the frame being evicted hold every reference to it;
 * otherwise some swapped-out page still reads the old contents there, and
 * the frame goes to a new slot. */
#include "kernel/errors.h"
#include "kernel/string.h"
#include "mm/anon.h"
#include "mm/frame.h"
#include "mm/swap.h"
#include "mm/vm.h"

static int anon_swap_in(struct page *page, void *kva);
static int anon_swap_out(struct page *page);
static void anon_destroy(struct page *page);
static int anon_copy(struct spt *dst, struct page *src);
static void anon_share(struct page *page, struct page *src);
static bool anon_drop_copy(struct page *page);
static bool anon_share_key(const struct page *page, struct frame_key *key);

static const struct page_operations anon_ops = {
    .type = VM_ANON,
    .swap_in = anon_swap_in,
    .swap_out = anon_swap_out,
    .destroy = anon_destroy,
    .copy = anon_copy,
    .share = anon_share,
    .swap_backed = true,
    .drop_copy = anon_drop_copy,
    .share_key = anon_share_key,
};

void anon_initializer(struct page *page, enum vm_type type, void *kva)
{
    page->ops = &anon_ops;
    page->anon.slot = SWAP_SLOT_NONE;
    page->dirty = true;
}

/* anon_swap_in: read the page back from its slot (kept, see above). A page
 * without a slot was never written out: it is all zeros. */
static int anon_swap_in(struct page *page, void *kva)
{
    if (page->anon.slot == SWAP_SLOT_NONE) {
        memset(kva, 0, PAGE_SIZE);
        page->dirty = true;
        return ERR_OK;
    }
    vm_count(VM_STAT_FAULT_SWAP_IN);
    page->dirty = false;
    return swap_read(page->anon.slot, kva);
}

/* set_slot: every page of FRAME (pinned, its pages busy) holds SLOT now
 * (with a reference each when SLOT is not SWAP_SLOT_NONE: the first is
 * the one swap_alloc gave). */
static void set_slot(struct frame *frame, size_t slot)
{
    struct page *p;
    bool first = true;
    frame_for_each_page(p, frame)
    {
        if (slot != SWAP_SLOT_NONE && !first)
            swap_dup(slot);
        first = false;
        p->anon.slot = slot;
    }
}

/* drop_slot: every page of FRAME (pinned, its pages busy) gives up its
 * reference to the slot they hold. */
static void drop_slot(struct frame *frame)
{
    struct page *p;
    frame_for_each_page(p, frame)
    {
        if (p->anon.slot != SWAP_SLOT_NONE)
            swap_free(p->anon.slot);
        p->anon.slot = SWAP_SLOT_NONE;
    }
}

/* slot_for_write: the slot PAGE's frame is to be written to: its pages'
 * own slot if they hold every reference to it, else a new one (when swap
 * is full, after resident pages gave theirs back); SWAP_SLOT_NONE if
 * there is none. */
static size_t slot_for_write(struct page *page)
{
    struct frame *frame = page->frame;
    size_t slot = page->anon.slot;
    if (slot != SWAP_SLOT_NONE && swap_refs(slot) == frame->refs)
        return slot;
    drop_slot(frame); /* swapped-out sharers keep the old contents there */
    slot = swap_alloc();
    if (slot == SWAP_SLOT_NONE && frame_drop_swap_copies() > 0)
        slot = swap_alloc();
    if (slot != SWAP_SLOT_NONE)
        set_slot(frame, slot);
    return slot;
}

/* anon_swap_out: write a dirty frame (for every page sharing it) to a
 * slot (see slot_for_write); a clean one is already in its slot. */
static int anon_swap_out(struct page *page)
{
    if (!page->dirty && page->anon.slot != SWAP_SLOT_NONE)
        return ERR_OK;
    size_t slot = slot_for_write(page);
    if (slot == SWAP_SLOT_NONE)
        return ERR_NO_SPACE;
    int err = swap_write(slot, page->frame->kva);
    struct page *p;
    if (err == ERR_OK) {
        frame_for_each_page(p, page->frame) p->dirty = false;
    } else {
        swap_mark_bad(slot); /* a bad sector: never again */
        frame_for_each_page(p, page->frame) p->anon.slot = SWAP_SLOT_NONE;
    }
    return err;
}

static void anon_destroy(struct page *page)
{
    if (page->anon.slot != SWAP_SLOT_NONE)
        swap_free(page->anon.slot);
    page->anon.slot = SWAP_SLOT_NONE;
}

/* anon_copy: the child's page shares SRC's contents (frame or slot),
 * copy-on-write (vm_share_page). */
static int anon_copy(struct spt *dst, struct page *src)
{
    return vm_share_page(dst, src, NULL, NULL);
}

/* anon_share: PAGE (a forked child's, just made) holds SRC's slot too. */
static void anon_share(struct page *page, struct page *src)
{
    page->anon.slot = src->anon.slot;
    if (page->anon.slot != SWAP_SLOT_NONE)
        swap_dup(page->anon.slot);
}

/* anon_drop_copy: swap is full: the slot of a resident page goes back to
 * the pool (its contents are in the frame; it is dirty again). Returns
 * whether the slot came free (no other page holds it). */
static bool anon_drop_copy(struct page *page)
{
    if (page->anon.slot == SWAP_SLOT_NONE)
        return false;
    bool freed = swap_free(page->anon.slot);
    page->anon.slot = SWAP_SLOT_NONE;
    page->dirty = true;
    return freed;
}

/* anon_share_key: a page whose slot other pages hold too is found by
 * that slot (the swap cache). */
static bool anon_share_key(const struct page *page, struct frame_key *key)
{
    if (page->anon.slot == SWAP_SLOT_NONE || swap_refs(page->anon.slot) < 2)
        return false;
    *key = (struct frame_key){.space = FRAME_KEY_SWAP, .index = page->anon.slot};
    return true;
}
