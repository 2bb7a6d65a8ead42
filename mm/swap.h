/* Swap: the first MBR partition of type 0x82 on any disk, cut into
 * page-sized slots (SWAP_SECTORS_PER_SLOT sectors each) tracked by a
 * bitmap. A page moves in or out as one disk request of a whole slot;
 * eviction may combine the writes of consecutive slots into one request.
 * Slots are reference counted (pages that fork shared hold the same
 * slot), handed out and freed under swap_lock (a spinlock, innermost:
 * nothing is taken while it is held). Reads are served through a window
 * of consecutive slots read ahead (swap.c), so swap-ins are serialized on
 * its lock; combined writes hold the cluster buffer's lock. Without a swap
 * partition there are no slots: every swap_alloc fails. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include "drivers/block.h"
#include "mm/memlayout.h"

#define SWAP_SLOT_NONE        ((size_t)-1)
#define SWAP_SECTORS_PER_SLOT (PAGE_SIZE / BLOCK_SECTOR_SIZE)
#define SWAP_CLUSTER_PAGES    32 /* pages combined into one write */

/* swap_init: find the swap partition (BLOCK_ROLE_SWAP) and size the slot
 * bitmap. With -v, says what it found. Thread context. */
void swap_init(void);
/* swap_alloc: a free slot with one reference, or SWAP_SLOT_NONE when swap
 * is full or absent. */
size_t swap_alloc(void);
/* swap_dup: one more reference to SLOT (in use): pages that share the
 * contents of one slot (fork, copy-on-write) each hold a reference. */
void swap_dup(size_t slot);
/* swap_free: drop a reference to SLOT (in use); the last one returns it
 * to the pool. Returns whether the slot is free now. */
bool swap_free(size_t slot);
/* swap_refs: the references held to SLOT (0 if it is free). A snapshot:
 * other holders may drop theirs at any time. */
unsigned swap_refs(size_t slot);
/* swap_read / swap_write: one page (PAGE_SIZE bytes at KVA, a direct-map
 * address) from / to SLOT, as one request of SWAP_SECTORS_PER_SLOT
 * sectors. May sleep. 0 or ERR_IO. */
int swap_read(size_t slot, void *kva);
int swap_write(size_t slot, const void *kva);
/* swap_plug / swap_unplug: between the two, the calling thread's
 * swap_writes to consecutive slots are combined into requests of up to
 * SWAP_CLUSTER_PAGES pages (the pages are copied at once, so their frames
 * may change right after swap_write returns 0). Such a swap_write cannot
 * fail; swap_unplug returns 0 or ERR_IO if any combined write failed (the
 * caller must then consider every page written since swap_plug unsaved).
 * A thread that plugs holds the cluster buffer until it unplugs; others
 * wait in swap_plug. No other lock may be held across the pair. */
void swap_plug(void);
int swap_unplug(void);
/* swap_mark_bad: SLOT (in use) could not be written: every reference to
 * it is dropped (its holders forget it), it stays allocated for good but
 * no longer counts as used (nor leaks). */
void swap_mark_bad(size_t slot);
/* swap_slot_count / swap_used_count: slots in all / in use now (the leak
 * audit compares the latter). */
size_t swap_slot_count(void);
size_t swap_used_count(void);
