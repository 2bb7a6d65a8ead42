/* The frame table and eviction (see frame.h).
 *
 * Victims are chosen by a clock over the ring of frames: at the hand, a
 * frame whose page was accessed since the last sweep gets a second chance
 * (its accessed bit is cleared); one not accessed and clean (nothing to
 * write: a file page, or an anonymous page whose swap slot still holds its
 * contents) is taken at once; the first one not accessed but dirty is
 * remembered and taken if the next CLOCK_CLEAN_WINDOW frames hold nothing
 * clean. Pinned frames are skipped.
 *
 * Eviction of a victim: under frame_lock the page becomes busy, its frame
 * pinned, and its PTE is removed (the dirty bit joins page->dirty); then,
 * without the lock, the type's swap_out saves it; then under the lock the
 * page loses its frame. If swap_out fails (swap full), the page is mapped
 * again as it was and the search fails. */
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/sync.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "mm/swap.h"
#include "mm/vm.h"

static struct lock frame_lock;
static struct condvar frame_cond; /* a page stopped being busy, a frame was unpinned */
static struct list ring;          /* every user frame */
static struct list_node *hand;    /* next frame the clock looks at (or the ring's head) */
static size_t frames_used;

#define CLOCK_CLEAN_WINDOW 32 /* frames searched for a clean victim past a dirty one */
/* With swap full (or absent), the frames handed out by the last
 * RECENT_CLAIMS claims are not victims: a process whose next instruction
 * needs more pages than there are clean frames would otherwise evict one
 * of them for another forever; instead it runs out of memory. */
#define RECENT_CLAIMS 4

static uint64_t claims; /* frames handed out by vm_get_frame */

void frame_init(void)
{
    lock_init(&frame_lock);
    cond_init(&frame_cond);
    list_init(&ring);
    hand = &ring.head;
}

void frame_lock_acquire(void)
{
    lock_acquire(&frame_lock);
}

void frame_lock_release(void)
{
    lock_release(&frame_lock);
}

void frame_wait_locked(void)
{
    cond_wait(&frame_cond, &frame_lock);
}

void frame_wake_locked(void)
{
    cond_broadcast(&frame_cond, &frame_lock);
}

/* frame_new_locked: a frame from free RAM, within the -ul cap and the
 * kernel's reserve, pinned and on the ring; NULL if there is none. */
static struct frame *frame_new_locked(void)
{
    long cap = kernel_cmdline.user_frame_limit;
    if ((cap >= 0 && frames_used >= (size_t)cap) || pmm_free_count() <= FRAME_KERNEL_RESERVE)
        return NULL;
    struct frame *f = kmalloc(sizeof *f);
    paddr_t pa = f ? pmm_alloc() : 0;
    if (!pa) {
        kfree(f);
        return NULL;
    }
    *f = (struct frame){.kva = phys_to_virt(pa), .pinned = true};
    list_insert_before(hand, &f->node); /* the hand reaches it last */
    frames_used++;
    return f;
}

/* clock_advance: move the hand one frame on; the frame it passed. */
static struct frame *clock_advance(void)
{
    if (hand == &ring.head)
        hand = hand->next;
    struct frame *f = list_entry(hand, struct frame, node);
    hand = hand->next;
    return f;
}

/* clock_pick_locked: the victim (see the file comment), or NULL when every
 * frame is pinned (*PINNED set) or, with CLEAN_ONLY, when no unpinned frame
 * is clean. Once a dirty candidate is found, the search for a clean one
 * goes on for at most CLOCK_CLEAN_WINDOW more frames, so that a table full
 * of dirty pages costs a short sweep, not a lap, per eviction. Two laps at
 * most: after one, no accessed bit is left. */
static struct frame *clock_pick_locked(bool clean_only, bool *pinned)
{
    size_t n = frames_used, window = 0;
    struct frame *dirty = NULL;
    *pinned = true;
    for (size_t step = 0; step < 2 * n; step++) {
        if (dirty && (step == n || window++ == CLOCK_CLEAN_WINDOW))
            return dirty;
        struct frame *f = clock_advance();
        if (f->pinned || !f->page || f->page->busy)
            continue;
        *pinned = false;
        if (vm_page_test_and_clear_accessed(f->page))
            continue;
        if (!vm_page_is_dirty(f->page)) {
            if (!clean_only || claims - f->claim_seq >= RECENT_CLAIMS)
                return f;
            continue;
        }
        if (!dirty && !clean_only)
            dirty = f;
    }
    return dirty;
}

/* evict_locked: evict VICTIM's page; its frame, pinned and empty, or NULL
 * (*ERR set) when swap_out failed and the page stays. */
static struct frame *evict_locked(struct frame *victim, int *err)
{
    struct page *page = victim->page;
    victim->pinned = true;
    page->busy = true;
    vm_page_unmap(page);
    lock_release(&frame_lock);
    *err = swap_out(page);
    lock_acquire(&frame_lock);
    if (*err < 0) {
        if (vm_page_map(page) < 0)
            panic("evict_locked: cannot map 0x%lx again", page->va);
        victim->pinned = false;
    } else {
        vm_count(VM_STAT_EVICTION);
        page->frame = NULL;
        victim->page = NULL;
    }
    page->busy = false;
    frame_wake_locked();
    return *err < 0 ? NULL : victim;
}

/* get_frame_locked: the body of vm_get_frame. */
static struct frame *get_frame_locked(int *err)
{
    bool clean_only = swap_slot_count() == 0;
    for (;;) {
        struct frame *f = frame_new_locked();
        if (f)
            return f;
        bool pinned;
        struct frame *victim = list_empty(&ring) ? NULL : clock_pick_locked(clean_only, &pinned);
        if (!victim && !list_empty(&ring) && pinned) {
            frame_wait_locked(); /* all pinned: wait for one */
            continue;
        }
        *err = ERR_NO_MEMORY;
        if (!victim)
            return NULL;
        f = evict_locked(victim, err);
        if (f || *err != ERR_NO_SPACE)
            return f;
        *err = ERR_NO_MEMORY;
        if (clean_only)
            return NULL;
        clean_only = true; /* swap is full: only clean pages can go */
    }
}

struct frame *vm_get_frame(int *err)
{
    ASSERT(lock_held_by_current_thread(&frame_lock));
    struct frame *f = get_frame_locked(err);
    if (f)
        f->claim_seq = ++claims;
    return f;
}

void frame_free_locked(struct frame *frame)
{
    if (hand == &frame->node)
        hand = hand->next;
    list_remove(&frame->node);
    frames_used--;
    pmm_free(virt_to_phys(frame->kva));
    kfree(frame);
    frame_wake_locked();
}

void frame_unpin_locked(struct frame *frame)
{
    frame->pinned = false;
    frame_wake_locked();
}

size_t frame_in_use(void)
{
    return frames_used;
}
