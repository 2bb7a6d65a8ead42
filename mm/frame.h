/* The frame table: every frame that backs a user page, with the pages
 * that map it (its reverse map: one page, or several after fork shared
 * it copy-on-write), on a ring that a clock hand sweeps to pick eviction
 * victims. A shared frame is evicted from all its pages at once: it is
 * unmapped everywhere and its contents go to ONE swap slot that every
 * page then holds (swap slots are reference counted, mm/swap.h).
 *
 * frame_lock guards the ring, the hand, every frame's fields and the [F]
 * fields of every struct page (frame, busy, dirty), and every change of a
 * user PTE (mapping, unmapping, accessed/dirty bits) in any process.
 * Lock order: a page-cache page's pin (mm/page_cache.h), then swap's
 * cluster_lock (eviction writes), then the file system's fs_lock, then
 * frame_lock, then swap's read_lock, then kmalloc's and the frame
 * allocator's locks and swap_lock; nothing else is taken while frame_lock
 * is held. Writing back a dirty file page (or page-cache page) at
 * eviction takes fs_lock under cluster_lock with frame_lock released; the
 * file system takes frame_lock only briefly under fs_lock (the page
 * cache's state, never to wait or evict), never cluster_lock, and never
 * faults on user memory. frame_lock is never held
 * across disk I/O or file-system calls: a frame whose page is being read,
 * written or copied is **pinned** (and its page busy); the clock skips it,
 * and whoever else needs that page waits on frame_lock's condition until
 * it is no longer busy.
 *
 * The number of user frames is capped by -ul=COUNT, and always leaves
 * FRAME_KERNEL_RESERVE frames of RAM to the kernel (page tables, heap). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/hash.h"
#include "kernel/list.h"
#include "mm/page.h"

#define FRAME_KERNEL_RESERVE 256 /* frames (1 MiB) never given to user pages */
/* The frames handed out by the last FRAME_RECENT_CLAIMS claims are no
 * victims (an x86 instruction may need six pages: code, source and
 * destination, each across a page boundary). Otherwise a process whose
 * instruction needs more pages than can be evicted for it (a tiny -ul cap,
 * or swap full and few clean frames left) would evict one of them for
 * another forever; instead it runs out of memory. So a cap of this many
 * frames or fewer leaves nothing to evict. */
#define FRAME_RECENT_CLAIMS 8

/* What a frame's contents are, for the shared-frame cache (below): the
 * pages that would read the same contents map that frame instead. */
struct frame_key {
    uintptr_t space; /* FRAME_KEY_SWAP, or the object read (an executable's inode) */
    uint64_t index;  /* the swap slot, or the page's user address */
};
#define FRAME_KEY_SWAP ((uintptr_t)1) /* the space of swap slots (no object lies at 1) */
/* The page cache's spaces: one per inode number, odd (objects are aligned)
 * and above FRAME_KEY_SWAP; the index is the page index in the file. */
#define FRAME_KEY_INODE(ino) (((uintptr_t)(ino) << 1) | 1)
#define FRAME_KEY_INO(space) ((uint32_t)((space) >> 1))

struct frame {
    void *kva;         /* direct-map address of the frame */
    struct list pages; /* [F] the pages mapping it (page.frame_node); empty while changing hands */
    unsigned refs;     /* [F] how many pages are on `pages` */
    bool cached;       /* [F] in the shared-frame cache, under cache_key */
    struct frame_key cache_key;  /* [F] what it holds, while cached */
    struct hash_node cache_node; /* [F] in the shared-frame cache */
    struct list_node node;       /* in the clock ring */
    bool pinned;                 /* I/O or copy in flight, or a page-cache page in use */
    /* A page of the page cache (mm/page_cache.h): cached under its
     * (inode, index) key; it may have no page mapping it at all. */
    bool pc;                        /* [F] a page-cache page */
    bool pc_uptodate;               /* [F] holds its file's bytes */
    bool pc_dirty;                  /* [F] newer than its file on disk */
    bool pc_dead;                   /* [F] its file was freed: never written, freed when let go */
    bool pc_referenced;             /* [F] used since the clock last looked (no PTE to tell) */
    bool pc_async;                  /* [F] its first hit asks for the next read-ahead window */
    struct list_node pc_dirty_node; /* [F] on the page cache's dirty list while pc_dirty */
    uint64_t claim_seq;             /* value of the claim counter when it was handed out */
};

/* frame_init: an empty table. */
void frame_init(void);
/* frame_lock_acquire / frame_lock_release: take / drop frame_lock. */
void frame_lock_acquire(void);
void frame_lock_release(void);
/* frame_wait_locked: sleep until some page stops being busy or a frame is
 * unpinned (drops and retakes frame_lock). */
void frame_wait_locked(void);
/* frame_wake_locked: wake the threads in frame_wait_locked. */
void frame_wake_locked(void);
/* frame_release_begin / frame_release_end: bracket the teardown of an
 * address space (spt_kill): while one runs, a fault that finds no frame
 * waits for the frames it gives back instead of failing. No frame_lock
 * held. */
void frame_release_begin(void);
void frame_release_end(void);
/* vm_get_frame: a pinned frame for a new occupant (contents undefined),
 * from free memory or by evicting a victim (whose page is swapped out on
 * the way: frame_lock is dropped during that I/O). frame_lock held on entry
 * and exit. NULL with *ERR = ERR_NO_MEMORY when no frame is free and none
 * can be evicted (nothing evictable, swap full or absent), ERR_IO when the
 * victim could not be written (it stays resident). */
struct frame *vm_get_frame(int *err);
/* vm_get_frame_except: vm_get_frame for a caller whose own busy page maps
 * KEEP and reads it meanwhile (a copy-on-write copy): KEEP is no victim
 * and, unlike a frame busy with another thread's I/O, no reason to wait
 * (only this caller can release it): when no other frame can be had, NULL
 * with ERR_NO_MEMORY at once. */
struct frame *vm_get_frame_except(const struct frame *keep, int *err);
/* vm_try_get_frame: a pinned frame from free memory (within the cap) or,
 * when there is none, a clean page-cache page that nothing maps and that
 * was not used since the clock last passed it (dropped: nothing to
 * write), or NULL: never writes nor waits (read-ahead, which holds pinned
 * frames of its own, takes only what costs nothing). frame_lock held. */
struct frame *vm_try_get_frame(void);
/* frame_add_page_locked: PAGE (no frame) maps FRAME from now on: PAGE
 * joins FRAME's reverse map and PAGE->frame is FRAME. frame_lock held. */
void frame_add_page_locked(struct frame *frame, struct page *page);
/* frame_remove_page_locked: PAGE (unmapped already) no longer maps its
 * frame: PAGE leaves the reverse map, PAGE->frame is NULL. Returns how
 * many pages still map the frame (0: the caller frees it). frame_lock
 * held. */
unsigned frame_remove_page_locked(struct page *page);
/* frame_first_page: one page mapping FRAME (the first of its reverse
 * map), or NULL. frame_lock held, or FRAME pinned with its pages busy. */
struct page *frame_first_page(const struct frame *frame);
/* frame_for_each_page: PG (a struct page *) runs over the pages mapping
 * FR (same rules as frame_first_page; the body must not change the map). */
#define frame_for_each_page(pg, fr)                                    \
    for (struct list_node *frame_n_ = (fr)->pages.head.next;           \
         frame_n_ != &(fr)->pages.head &&                              \
         ((pg) = list_entry(frame_n_, struct page, frame_node), true); \
         frame_n_ = frame_n_->next)
/* The shared-frame cache: a frame whose contents other pages would read
 * too is found by its key (page_operations.share_key), so that they map
 * it instead of reading their own copy:
 *   - the swap cache: a frame read from a swap slot that several pages
 *     hold (fork shared it); it is clean, every page of it holds the
 *     slot, mapped read-only (cow);
 *   - shared text: a read-only page of an executable, by inode and
 *     address: every running copy of the program maps the same frame.
 * A frame leaves the cache when a write makes it private, when its pages
 * give their slot up (frame_drop_swap_copies), and when its last page
 * leaves it. frame_lock held for all three calls. */
/* frame_cache_find_locked: the frame cached under KEY, or NULL. */
struct frame *frame_cache_find_locked(const struct frame_key *key);
/* frame_cache_add_locked: FRAME (not cached) holds what KEY names, as
 * every page of it does; nothing if KEY has a frame already. */
void frame_cache_add_locked(struct frame *frame, const struct frame_key *key);
/* frame_cache_drop_locked: FRAME leaves the cache (if it is in it). */
void frame_cache_drop_locked(struct frame *frame);
/* frame_free_locked: FRAME's pages are gone: off the ring, back to RAM. */
void frame_free_locked(struct frame *frame);
/* frame_drop_swap_copies: swap is full: every resident page not busy that
 * keeps a copy of its contents in swap gives it up (drop_copy). Returns
 * how many slots came free. No frame_lock held on entry (it is taken). */
size_t frame_drop_swap_copies(void);
/* frame_touch_locked: FRAME, found in a cache and mapped by a fault,
 * counts as one of the last FRAME_RECENT_CLAIMS claims. frame_lock held. */
void frame_touch_locked(struct frame *frame);
/* frame_limit: the -ul= cap in frames, or 0 when there is none. */
size_t frame_limit(void);
/* frame_ring_next: the frame after PREV on the clock ring (the first for
 * NULL), or NULL at the end. frame_lock held. */
struct frame *frame_ring_next(struct frame *prev);
/* frame_in_use: user frames held now. */
size_t frame_in_use(void);
