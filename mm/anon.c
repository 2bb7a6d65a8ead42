/* Anonymous pages. When evicted, the contents go to a swap slot, which the
 * page keeps after it is read back in: as long as the page is not written
 * again (PTE dirty bit clear, see frame.c), the slot still holds its
 * contents, so a second eviction costs no I/O (a clean anonymous page is
 * as cheap to evict as a clean file page). The slot is freed when the page
 * is destroyed, or, when swap is full, taken back from every resident page
 * (frame_drop_swap_copies): what fits in memory plus swap does not depend
 * on which pages happened to be read back before. */
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
static bool anon_drop_copy(struct page *page);

static const struct page_operations anon_ops = {
    .type = VM_ANON,
    .swap_in = anon_swap_in,
    .swap_out = anon_swap_out,
    .destroy = anon_destroy,
    .copy = anon_copy,
    .swap_backed = true,
    .drop_copy = anon_drop_copy,
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

/* anon_swap_out: write a dirty page to its slot (allocated on its first
 * eviction); a clean one is already there. */
static int anon_swap_out(struct page *page)
{
    if (!page->dirty && page->anon.slot != SWAP_SLOT_NONE)
        return ERR_OK;
    if (page->anon.slot == SWAP_SLOT_NONE)
        page->anon.slot = swap_alloc();
    if (page->anon.slot == SWAP_SLOT_NONE && frame_drop_swap_copies() > 0)
        page->anon.slot = swap_alloc();
    if (page->anon.slot == SWAP_SLOT_NONE)
        return ERR_NO_SPACE;
    int err = swap_write(page->anon.slot, page->frame->kva);
    if (err == ERR_OK) {
        page->dirty = false;
    } else {
        swap_mark_bad(page->anon.slot); /* a bad sector: never again */
        page->anon.slot = SWAP_SLOT_NONE;
    }
    return err;
}

static void anon_destroy(struct page *page)
{
    if (page->anon.slot != SWAP_SLOT_NONE)
        swap_free(page->anon.slot);
    page->anon.slot = SWAP_SLOT_NONE;
}

/* anon_copy: the child's page is a new anonymous page, resident, holding
 * a copy of SRC's contents (from its frame or its slot). */
static int anon_copy(struct spt *dst, struct page *src)
{
    return vm_copy_contents(dst, src, NULL, NULL);
}

/* anon_drop_copy: swap is full: the slot of a resident page goes back to
 * the pool (its contents are in the frame; it is dirty again). */
static bool anon_drop_copy(struct page *page)
{
    if (page->anon.slot == SWAP_SLOT_NONE)
        return false;
    swap_free(page->anon.slot);
    page->anon.slot = SWAP_SLOT_NONE;
    page->dirty = true;
    return true;
}
