/* The frame table: every frame that backs a user page, with the page it
 * holds, on a ring that a clock hand sweeps to pick eviction victims.
 *
 * frame_lock guards the ring, the hand, every frame's fields and the [F]
 * fields of every struct page (frame, busy, dirty), and every change of a
 * user PTE (mapping, unmapping, accessed/dirty bits) in any process.
 * Lock order: swap's cluster_lock (eviction writes), then frame_lock, then
 * swap's read_lock, then kmalloc's and the frame allocator's locks and
 * swap_lock; nothing else is taken while frame_lock is held. Writing back
 * a dirty file page at eviction takes the file system's locks under
 * cluster_lock (frame_lock released): the file system never takes either
 * of the VM's locks, and never faults on user memory. It is never held
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

struct frame {
    void *kva;             /* direct-map address of the frame */
    struct page *page;     /* the page it holds, NULL while changing hands */
    struct list_node node; /* in the clock ring */
    bool pinned;           /* I/O or copy in flight: not a victim */
    uint64_t claim_seq;    /* value of the claim counter when it was handed out */
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
/* frame_free_locked: FRAME's page is gone: off the ring, back to RAM. */
void frame_free_locked(struct frame *frame);
/* frame_drop_swap_copies: swap is full: every resident page not busy that
 * keeps a copy of its contents in swap gives it up (drop_copy). Returns
 * how many slots came free. No frame_lock held on entry (it is taken). */
size_t frame_drop_swap_copies(void);
/* frame_in_use: user frames held now. */
size_t frame_in_use(void);
