/* The frame table and eviction (see frame.h).
 *
 * Victims are chosen by a clock over the ring of frames: at the hand, a
 * frame whose page was accessed since the last sweep gets a second chance
 * (its accessed bit is cleared); one not accessed and clean (nothing to
 * write: a file page, or an anonymous page whose swap slot still holds its
 * contents) is taken at once; the first one not accessed but dirty is
 * remembered and taken if the next CLOCK_CLEAN_WINDOW frames hold nothing
 * clean; the hand then goes back to just after it. Pinned frames, and the
 * frames of the last FRAME_RECENT_CLAIMS claims (frame.h), are skipped.
 *
 * Eviction of a victim: under frame_lock the page becomes busy, its frame
 * pinned, and its PTE is removed (the dirty bit joins page->dirty); then,
 * without the lock, the type's swap_out saves it; then under the lock the
 * page loses its frame. If swap_out fails (swap full), the page is mapped
 * again as it was and the search fails. A victim that has to be written
 * takes up to EVICT_BATCH - 1 more victims along (swap writes are combined,
 * see swap_plug); the frames they free serve the next faults. */
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
static unsigned releasing; /* address spaces being torn down (frame_release_begin) */

#define CLOCK_CLEAN_WINDOW 32 /* frames searched for a clean victim past a dirty one */

/* Victims evicted in one round when the first one has to be written: their
 * writes go to swap as one request (swap_plug), which costs about what one
 * page alone would. */
#define EVICT_BATCH       32
#define EVICT_BATCH_SHARE 8 /* ... and never more than this share of the frames */
#define EVICT_IO_RETRIES  3 /* evictions that failed to write, before giving up */


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

void frame_release_begin(void)
{
    lock_acquire(&frame_lock);
    releasing++;
    lock_release(&frame_lock);
}

void frame_release_end(void)
{
    lock_acquire(&frame_lock);
    releasing--;
    frame_wake_locked(); /* a waiter with nothing more to wait for fails now */
    lock_release(&frame_lock);
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

/* clock_stop_at: VICTIM, found behind the hand: the hand goes back to just
 * after it, so that the frames looked at past it (dirty ones, when the
 * search for a clean one went on) come next, in ring order: a batch of
 * victims then holds neighbours, whose swap slots follow each other. */
static struct frame *clock_stop_at(struct frame *victim)
{
    hand = victim->node.next;
    return victim;
}

static uint64_t claims; /* frames handed out by vm_get_frame */

/* recent: whether F is one of the last FRAME_RECENT_CLAIMS frames claimed. */
static bool recent(const struct frame *f)
{
    return claims - f->claim_seq < FRAME_RECENT_CLAIMS;
}

/* eligible: whether F may be a victim at all: not pinned, not recently
 * claimed, and, if NO_SWAP, not in need of a swap slot (clean, or a file
 * page that goes back to its file). */
static bool eligible(struct frame *f, bool no_swap)
{
    if (f->pinned || !f->page || f->page->busy || recent(f))
        return false;
    return !no_swap || !f->page->ops->swap_backed || !vm_page_is_dirty(f->page);
}

/* clock_pick_locked: the victim (see the file comment), or NULL when no
 * frame is eligible (NO_SWAP: see eligible); *BUSY then tells whether
 * some frame is pinned or its page busy (I/O in flight: worth waiting for,
 * it will be freed or become eligible). Once a dirty candidate is found,
 * the search for a clean one goes on for at most CLOCK_CLEAN_WINDOW more
 * frames, so that a table full of dirty pages costs a short sweep, not a
 * lap, per eviction. After two laps (owners may set accessed bits again
 * while the sweep sleeps), the first eligible frame seen is taken. */
static struct frame *clock_pick_locked(bool no_swap, bool *busy)
{
    size_t n = frames_used, window = 0;
    struct frame *dirty = NULL, *fallback = NULL;
    *busy = false;
    for (size_t step = 0; step < 2 * n; step++) {
        if (dirty && (step == n || window++ == CLOCK_CLEAN_WINDOW))
            return clock_stop_at(dirty);
        struct frame *f = clock_advance();
        if (f->pinned || !f->page || f->page->busy)
            *busy = true;
        if (!eligible(f, no_swap))
            continue;
        if (vm_page_test_and_clear_accessed(f->page)) {
            fallback = fallback ? fallback : f;
            continue;
        }
        if (!vm_page_is_dirty(f->page))
            return clock_stop_at(f);
        dirty = dirty ? dirty : f;
    }
    return dirty || fallback ? clock_stop_at(dirty ? dirty : fallback) : NULL;
}

/* take_victim_locked: VICTIM's page is being evicted: busy, its frame
 * pinned, unmapped (its dirty bit saved in page->dirty). */
static void take_victim_locked(struct frame *victim)
{
    victim->pinned = true;
    victim->page->busy = true;
    vm_page_unmap(victim->page);
}

/* pick_more_locked: after V[0] (a dirty victim, taken), more victims for
 * the same round of writing into V (room for EVICT_BATCH), taken; their
 * count with V[0]. Clean ones come along for free. */
static size_t pick_more_locked(struct frame **v)
{
    size_t n = 1, max = frames_used / EVICT_BATCH_SHARE;
    while (n < EVICT_BATCH && n < max) {
        bool busy;
        struct frame *f = clock_pick_locked(false, &busy);
        if (!f)
            break;
        take_victim_locked(f);
        v[n++] = f;
    }
    return n;
}

/* finish_victim_locked: the end of V's eviction: on success the page has
 * lost its frame, which is returned (pinned, empty); on failure (ERR) the
 * page is mapped again, still holding its frame, and NULL is returned. */
static struct frame *finish_victim_locked(struct frame *v, int err)
{
    struct page *page = v->page;
    page->busy = false;
    if (err < 0) {
        if (vm_page_map(page) < 0)
            panic("finish_victim_locked: cannot map 0x%lx again", page->va);
        v->pinned = false;
        return NULL;
    }
    vm_count(VM_STAT_EVICTION);
    page->frame = NULL;
    v->page = NULL;
    return v;
}

/* evict_locked: evict FIRST's page and, if it has to be written, up to
 * EVICT_BATCH - 1 more victims with it, their writes to swap combined into
 * few requests (swap_plug). One frame, pinned and empty, is returned; the
 * other frames freed go back to RAM for the next faults. NULL (*ERR set)
 * when no victim could be saved (they stay resident). */
static struct frame *evict_locked(struct frame *first, int *err)
{
    struct frame *v[EVICT_BATCH];
    int errs[EVICT_BATCH];
    bool written[EVICT_BATCH]; /* its swap_out had contents to write */
    take_victim_locked(first);
    v[0] = first;
    size_t n = vm_page_is_dirty(first->page) ? pick_more_locked(v) : 1;
    for (size_t i = 0; i < n; i++)
        written[i] = v[i]->page->dirty;
    lock_release(&frame_lock);
    swap_plug();
    for (size_t i = 0; i < n; i++)
        errs[i] = swap_out(v[i]->page);
    if (swap_unplug() < 0) {
        /* a combined write failed: write those pages again one by one, so
         * that each failure lands on its own page (and its slot) */
        for (size_t i = 0; i < n; i++) {
            if (errs[i] == ERR_OK && written[i]) {
                v[i]->page->dirty = true;
                errs[i] = swap_out(v[i]->page);
            }
        }
    }
    lock_acquire(&frame_lock);
    struct frame *mine = NULL;
    *err = ERR_OK;
    for (size_t i = 0; i < n; i++) {
        struct frame *f = finish_victim_locked(v[i], errs[i]);
        if (!f && *err == ERR_OK)
            *err = errs[i];
        else if (f && !mine)
            mine = f;
        else if (f)
            frame_free_locked(f);
    }
    frame_wake_locked();
    return mine;
}

/* get_frame_locked: the body of vm_get_frame. */
static struct frame *get_frame_locked(int *err)
{
    bool no_swap = swap_slot_count() == 0;
    int io_errors = 0;
    for (;;) {
        struct frame *f = frame_new_locked();
        if (f)
            return f;
        bool busy = false;
        struct frame *victim =
            list_empty(&ring) ? NULL : clock_pick_locked(no_swap, &busy);
        if (!victim && ((busy && !no_swap) || releasing)) {
            /* I/O in flight, or an address space being torn down (an
             * exiting process: its frames come back one by one), will
             * free or release a frame */
            frame_wait_locked();
            continue;
        }
        *err = ERR_NO_MEMORY;
        if (!victim)
            return NULL;
        f = evict_locked(victim, err);
        if (f)
            return f;
        if (*err == ERR_IO && ++io_errors < EVICT_IO_RETRIES)
            continue; /* that slot is out of use now: try again */
        if (*err != ERR_NO_SPACE)
            return NULL;
        *err = ERR_NO_MEMORY;
        if (no_swap)
            return NULL;
        no_swap = true; /* swap is full: only pages that need no slot can go */
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

size_t frame_drop_swap_copies(void)
{
    size_t n = 0;
    lock_acquire(&frame_lock);
    list_for_each(node, &ring)
    {
        struct page *page = list_entry(node, struct frame, node)->page;
        if (page && !page->busy && page->ops->drop_copy)
            n += page->ops->drop_copy(page);
    }
    lock_release(&frame_lock);
    return n;
}

size_t frame_in_use(void)
{
    return frames_used;
}
