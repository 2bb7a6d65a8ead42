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
 * A frame shared by several pages (fork, copy-on-write) counts as accessed
 * if any of its PTEs was, as dirty if any page is (frame_is_dirty).
 *
 * Eviction of a victim: under frame_lock every page mapping it becomes
 * busy, its frame pinned, and every PTE of it is removed (the dirty bits
 * join page->dirty, which is then the same for all: dirty if any was);
 * then, without the lock, the type's swap_out saves it once, for all its
 * pages (an anonymous frame: one swap slot every page holds); then under
 * the lock the pages lose the frame. If swap_out fails (swap full), the
 * pages are mapped again as they were and the search fails. A victim that has to be written
 * takes up to EVICT_BATCH - 1 more victims along (swap writes are combined,
 * see swap_plug); the frames they free serve the next faults. */
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/sync.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/page_cache.h"
#include "mm/pmm.h"
#include "mm/swap.h"
#include "mm/vm.h"

static struct lock frame_lock;
static struct condvar frame_cond; /* a page stopped being busy, a frame was unpinned */
static struct list ring;          /* every user frame */
static struct list_node *hand;    /* next frame the clock looks at (or the ring's head) */
static size_t frames_used;
static struct hash frame_cache; /* cached frames by cache_key (frame.h) */
static unsigned releasing;      /* address spaces being torn down (frame_release_begin) */

#define CLOCK_CLEAN_WINDOW 32 /* frames searched for a clean victim past a dirty one */
#define RECLAIM_SCAN       16 /* frames vm_try_get_frame looks at for a free-to-take one */

/* Victims evicted in one round when the first one has to be written: their
 * writes go to swap as one request (swap_plug), which costs about what one
 * page alone would. */
#define EVICT_BATCH       32
#define EVICT_BATCH_SHARE 8 /* ... and never more than this share of the frames */
#define EVICT_IO_RETRIES  3 /* evictions that failed to write, before giving up */

static uint64_t cache_hash(const struct hash_node *n)
{
    const struct frame_key *k = &hash_entry(n, struct frame, cache_node)->cache_key;
    return hash_u64(k->space ^ hash_u64(k->index));
}

static bool cache_eq(const struct hash_node *a, const struct hash_node *b)
{
    const struct frame_key *x = &hash_entry(a, struct frame, cache_node)->cache_key;
    const struct frame_key *y = &hash_entry(b, struct frame, cache_node)->cache_key;
    return x->space == y->space && x->index == y->index;
}

void frame_init(void)
{
    hash_init(&frame_cache, cache_hash, cache_eq);
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
    list_init(&f->pages);
    list_insert_before(hand, &f->node); /* the hand reaches it last */
    frames_used++;
    return f;
}

void frame_add_page_locked(struct frame *frame, struct page *page)
{
    ASSERT(!page->frame);
    list_push_back(&frame->pages, &page->frame_node);
    frame->refs++;
    page->frame = frame;
}

unsigned frame_remove_page_locked(struct page *page)
{
    struct frame *f = page->frame;
    ASSERT(f && f->refs > 0);
    list_remove(&page->frame_node);
    page->frame = NULL;
    if (--f->refs == 0 && !f->pc)
        frame_cache_drop_locked(f); /* a page-cache frame stays cached */
    return f->refs;
}

struct frame *frame_cache_find_locked(const struct frame_key *key)
{
    struct frame probe = {.cache_key = *key};
    struct hash_node *n = hash_find(&frame_cache, &probe.cache_node);
    return n ? hash_entry(n, struct frame, cache_node) : NULL;
}

void frame_cache_add_locked(struct frame *frame, const struct frame_key *key)
{
    ASSERT(!frame->cached);
    frame->cache_key = *key;
    frame->cached = hash_insert(&frame_cache, &frame->cache_node) == NULL;
}

void frame_cache_drop_locked(struct frame *frame)
{
    if (!frame->cached)
        return;
    hash_remove(&frame_cache, &frame->cache_node);
    frame->cached = false;
}

struct page *frame_first_page(const struct frame *frame)
{
    if (list_empty(&frame->pages))
        return NULL;
    return list_entry(list_front(&frame->pages), struct page, frame_node);
}

/* pages_busy: whether any page mapping F is busy. */
static bool pages_busy(const struct frame *f)
{
    struct page *page;
    frame_for_each_page(page, f)
    {
        if (page->busy)
            return true;
    }
    return false;
}

/* frame_busy: whether F is pinned, without pages, or any page of it busy
 * (I/O or a change in flight: no victim now). */
static bool frame_busy(const struct frame *f)
{
    return f->pinned || (f->refs == 0 && !f->pc) || pages_busy(f);
}

/* frame_test_and_clear_accessed: whether any page mapping F accessed it
 * since the last call (every PTE's accessed bit is cleared). */
static bool frame_test_and_clear_accessed(struct frame *f)
{
    bool accessed = f->pc_referenced;
    struct page *page;
    f->pc_referenced = false;
    frame_for_each_page(page, f) accessed |= vm_page_test_and_clear_accessed(page);
    return accessed;
}

/* frame_is_dirty: whether F's contents differ from its pages' backing
 * copy (any page dirty, or any PTE's dirty bit). */
static bool frame_is_dirty(struct frame *f)
{
    if (f->pc_dirty)
        return true;
    struct page *page;
    frame_for_each_page(page, f)
    {
        if (vm_page_is_dirty(page))
            return true;
    }
    return false;
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
    if (frame_busy(f) || recent(f))
        return false;
    return !no_swap || f->pc || !frame_first_page(f)->ops->swap_backed || !frame_is_dirty(f);
}

/* clock_pick_locked: the victim (see the file comment), or NULL when no
 * frame is eligible (NO_SWAP: see eligible); *BUSY then tells whether
 * some frame is pinned or its page busy (I/O in flight: worth waiting for,
 * it will be freed or become eligible). KEEP (may be NULL) is passed
 * over: neither a victim nor a reason to wait (vm_get_frame_except). Once
 * a dirty candidate is found, the search for a clean one goes on for at
 * most CLOCK_CLEAN_WINDOW more frames, so that a table full of dirty pages
 * costs a short sweep, not a lap, per eviction. After two laps (owners may set accessed bits again
 * while the sweep sleeps), the first eligible frame seen is taken. */
static struct frame *clock_pick_locked(bool no_swap, const struct frame *keep, bool *busy)
{
    size_t n = frames_used, window = 0;
    struct frame *dirty = NULL, *fallback = NULL;
    *busy = false;
    for (size_t step = 0; step < 2 * n; step++) {
        if (dirty && (step == n || window++ == CLOCK_CLEAN_WINDOW))
            return clock_stop_at(dirty);
        struct frame *f = clock_advance();
        if (f == keep)
            continue;
        if (frame_busy(f))
            *busy = true;
        if (!eligible(f, no_swap))
            continue;
        if (frame_test_and_clear_accessed(f)) {
            fallback = fallback ? fallback : f;
            continue;
        }
        if (!frame_is_dirty(f))
            return clock_stop_at(f);
        dirty = dirty ? dirty : f;
    }
    return dirty || fallback ? clock_stop_at(dirty ? dirty : fallback) : NULL;
}

/* take_victim_locked: VICTIM is being evicted: pinned, every page of it
 * busy and unmapped, with the same page->dirty (dirty if any PTE or page
 * was). */
static void take_victim_locked(struct frame *victim)
{
    bool dirty = false;
    struct page *page;
    victim->pinned = true;
    frame_for_each_page(page, victim)
    {
        page->busy = true;
        vm_page_unmap(page);
        dirty |= page->dirty;
    }
    frame_for_each_page(page, victim) page->dirty = dirty;
    if (victim->pc && dirty)
        page_cache_mark_dirty_locked(victim);
}

/* victim_dirty: whether evicting V (taken) writes it somewhere. */
static bool victim_dirty(const struct frame *v)
{
    return v->pc ? v->pc_dirty : frame_first_page(v)->dirty;
}

/* save_victim: write V (taken) where it goes: a page-cache page to its
 * file (page_cache_write_back: it never fails), any other to its page's
 * swap_out. No lock held. */
static int save_victim(struct frame *v)
{
    if (!v->pc)
        return swap_out(frame_first_page(v));
    page_cache_write_back(v);
    return ERR_OK;
}

/* pick_more_locked: after V[0] (a dirty victim, taken), more victims for
 * the same round of writing into V (room for EVICT_BATCH), taken; their
 * count with V[0]. Clean ones come along for free. */
static size_t pick_more_locked(struct frame **v)
{
    size_t n = 1, max = frames_used / EVICT_BATCH_SHARE;
    while (n < EVICT_BATCH && n < max) {
        bool busy;
        struct frame *f = clock_pick_locked(false, NULL, &busy);
        if (!f)
            break;
        take_victim_locked(f);
        v[n++] = f;
    }
    return n;
}

/* finish_victim_locked: the end of V's eviction: on success its pages
 * have lost it and it is returned (pinned, empty); on failure (ERR) the
 * pages are mapped again, still holding it, and NULL is returned. */
static struct frame *finish_victim_locked(struct frame *v, int err)
{
    struct page *page;
    frame_for_each_page(page, v)
    {
        page->busy = false;
        if (err < 0 && vm_page_map(page) < 0)
            panic("finish_victim_locked: cannot map 0x%lx again", page->va);
    }
    if (err < 0) {
        v->pinned = false;
        return NULL;
    }
    vm_count(VM_STAT_EVICTION);
    while ((page = frame_first_page(v)))
        frame_remove_page_locked(page);
    page_cache_forget_locked(v);
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
    size_t n = victim_dirty(first) ? pick_more_locked(v) : 1;
    for (size_t i = 0; i < n; i++)
        written[i] = victim_dirty(v[i]);
    lock_release(&frame_lock);
    swap_plug();
    for (size_t i = 0; i < n; i++)
        errs[i] = save_victim(v[i]);
    if (swap_unplug() < 0) {
        /* a combined write failed: write those pages again one by one, so
         * that each failure lands on its own page (and its slot) */
        for (size_t i = 0; i < n; i++) {
            if (errs[i] == ERR_OK && written[i] && !v[i]->pc) {
                frame_first_page(v[i])->dirty = true;
                errs[i] = swap_out(frame_first_page(v[i]));
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

/* get_frame_locked: the body of vm_get_frame_except. */
static struct frame *get_frame_locked(const struct frame *keep, int *err)
{
    bool no_swap = swap_slot_count() == 0;
    int io_errors = 0;
    for (;;) {
        struct frame *f = frame_new_locked();
        if (f)
            return f;
        bool busy = false;
        struct frame *victim = list_empty(&ring) ? NULL : clock_pick_locked(no_swap, keep, &busy);
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
    return vm_get_frame_except(NULL, err);
}

struct frame *vm_get_frame_except(const struct frame *keep, int *err)
{
    ASSERT(lock_held_by_current_thread(&frame_lock));
    struct frame *f = get_frame_locked(keep, err);
    if (f)
        f->claim_seq = ++claims;
    return f;
}

/* reclaim_clean_locked: a frame that costs nothing to take, within
 * RECLAIM_SCAN frames of the clock hand: a page-cache page that no page
 * maps, not pinned, not dead, clean, not recently claimed and not used
 * since the clock last passed (a used one has that cleared and is passed
 * over, as the clock does); out of the cache, pinned, for a new occupant.
 * The hand moves on only past a frame taken. NULL if there is none.
 * Never waits nor writes. frame_lock held. */
static struct frame *reclaim_clean_locked(void)
{
    struct list_node *start = hand;
    for (size_t step = 0; step < RECLAIM_SCAN && step < frames_used; step++) {
        struct frame *f = clock_advance();
        if (!f->pc || f->pinned || f->pc_dead || f->refs > 0 || f->pc_dirty || recent(f))
            continue;
        if (f->pc_referenced) {
            f->pc_referenced = false;
            continue;
        }
        page_cache_forget_locked(f);
        f->pinned = true;
        vm_count(VM_STAT_EVICTION);
        return clock_stop_at(f);
    }
    hand = start;
    return NULL;
}

struct frame *vm_try_get_frame(void)
{
    ASSERT(lock_held_by_current_thread(&frame_lock));
    struct frame *f = frame_new_locked();
    if (!f)
        f = reclaim_clean_locked();
    if (f) /* no claim: the last claims stay those of faults (FRAME_RECENT_CLAIMS) */
        f->claim_seq = claims - FRAME_RECENT_CLAIMS;
    return f;
}

void frame_free_locked(struct frame *frame)
{
    ASSERT(frame->refs == 0 && list_empty(&frame->pages));
    page_cache_forget_locked(frame);
    frame_cache_drop_locked(frame);
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
        struct frame *f = list_entry(node, struct frame, node);
        struct page *page = frame_first_page(f);
        if (!page || !page->ops->drop_copy || pages_busy(f))
            continue;
        frame_for_each_page(page, f) n += page->ops->drop_copy(page);
        frame_cache_drop_locked(f); /* its pages hold the slot no more */
    }
    lock_release(&frame_lock);
    return n;
}

void frame_touch_locked(struct frame *frame)
{
    frame->claim_seq = ++claims;
}

size_t frame_limit(void)
{
    long cap = kernel_cmdline.user_frame_limit;
    return cap >= 0 ? (size_t)cap : 0;
}

struct frame *frame_ring_next(struct frame *prev)
{
    struct list_node *n = prev ? prev->node.next : ring.head.next;
    return n == &ring.head ? NULL : list_entry(n, struct frame, node);
}

size_t frame_in_use(void)
{
    return frames_used;
}
