/* Swap slots (see swap.h).
 *
 * Writes: between swap_plug and swap_unplug, writes to consecutive slots
 * are gathered in cluster_buf and go out as one request.
 * Reads: a miss reads a window of consecutive used slots into read_buf,
 * which later reads of those slots are served from (sequential swap-ins
 * cost one request per window). The window doubles (up to
 * SWAP_CLUSTER_PAGES) while the previous one had hits (or the miss is the
 * slot right after it) and drops back to one page otherwise, so random
 * swap-ins read no more than they need. A write or free of a slot drops it from read_buf.
 *
 * Lock order: cluster_lock (held from swap_plug to swap_unplug, across
 * I/O), then frame_lock (mm/frame.h), then read_lock (held across the read
 * of a window), then the block driver's locks; swap_lock is innermost and
 * guards swap_map and swap_used only. */
#include "kernel/bitmap.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"
#include "mm/swap.h"
#include "mm/vm.h"

static struct block_device *swap_dev;
static struct bitmap *swap_map; /* bit set = slot in use */
static uint32_t *slot_refs;     /* references to each slot in use (swap_lock) */
static size_t swap_used;
static size_t swap_bad; /* slots a write failed on: kept out of use for good */
static struct spinlock swap_lock = {.name = "swap"};

/* The write cluster of the thread holding cluster_lock: pages bound for
 * slots [cluster_first, cluster_first + cluster_count), copied in order
 * into cluster_buf (physically contiguous: one request). */
static struct lock cluster_lock;
static uint8_t *cluster_buf;
static size_t cluster_first, cluster_count;
static int cluster_err;

/* The read window: slots [read_first, read_first + read_count) as read
 * from the disk into read_buf; guarded by read_lock. */
static struct lock read_lock;
static uint8_t *read_buf;
static size_t read_first, read_count;
static size_t read_window = 1; /* slots the next miss reads */
static bool read_hit;          /* a slot of the window was read after the first */

void swap_init(void)
{
    swap_dev = block_find_role(BLOCK_ROLE_SWAP);
    size_t slots = swap_dev ? swap_dev->sector_count / SWAP_SECTORS_PER_SLOT : 0;
    lock_init(&cluster_lock);
    lock_init(&read_lock);
    if (slots) {
        swap_map = bitmap_create(slots);
        slot_refs = kzalloc(slots * sizeof *slot_refs);
    }
    if (!slot_refs && swap_map) {
        bitmap_destroy(swap_map);
        swap_map = NULL;
    }
    if (swap_map) { /* NULL buffers: no combining, no read window */
        cluster_buf = kmalloc(SWAP_CLUSTER_PAGES * PAGE_SIZE);
        read_buf = kmalloc(SWAP_CLUSTER_PAGES * PAGE_SIZE);
    }
    if (!swap_map)
        swap_dev = NULL;
    if (kernel_cmdline.verbose) {
        if (swap_dev)
            printf("swap: %s, %lu slots of %lu bytes\n", swap_dev->name, slots, PAGE_SIZE);
        else
            printf("swap: no swap partition (type 0x82): only clean pages can be evicted\n");
    }
}

size_t swap_alloc(void)
{
    if (!swap_map)
        return SWAP_SLOT_NONE;
    spin_lock(&swap_lock);
    size_t slot = bitmap_scan_and_flip(swap_map, 0, 1, false);
    if (slot != BITMAP_ERROR) {
        swap_used++;
        slot_refs[slot] = 1;
    }
    spin_unlock(&swap_lock);
    return slot == BITMAP_ERROR ? SWAP_SLOT_NONE : slot;
}

/* read_window_drop: the COUNT slots from FIRST change: forget the window
 * if it holds any of them. */
static void read_window_drop(size_t first, size_t count)
{
    if (!read_buf)
        return;
    lock_acquire(&read_lock);
    if (first < read_first + read_count && read_first < first + count)
        read_count = 0;
    lock_release(&read_lock);
}

/* slot_in_use: whether SLOT is allocated and referenced (swap_lock held). */
static bool slot_in_use(size_t slot)
{
    return swap_map && slot < bitmap_size(swap_map) && bitmap_test(swap_map, slot) &&
           slot_refs[slot] > 0;
}

void swap_dup(size_t slot)
{
    spin_lock(&swap_lock);
    if (!slot_in_use(slot))
        panic("swap_dup: slot %lu is not in use", slot);
    slot_refs[slot]++;
    spin_unlock(&swap_lock);
}

unsigned swap_refs(size_t slot)
{
    spin_lock(&swap_lock);
    unsigned n = slot_in_use(slot) ? slot_refs[slot] : 0;
    spin_unlock(&swap_lock);
    return n;
}

bool swap_free(size_t slot)
{
    spin_lock(&swap_lock);
    if (!slot_in_use(slot))
        panic("swap_free: slot %lu is not in use", slot);
    bool last = --slot_refs[slot] == 0;
    if (last) {
        bitmap_reset(swap_map, slot);
        swap_used--;
    }
    spin_unlock(&swap_lock);
    if (last)
        read_window_drop(slot, 1);
    return last;
}

/* read_pages: COUNT pages from the slots from FIRST into KVA, one request. */
static int read_pages(size_t first, void *kva, size_t count)
{
    vm_count(VM_STAT_SWAP_READ_IO);
    int err = block_read(swap_dev, (uint64_t)first * SWAP_SECTORS_PER_SLOT,
                         (uint32_t)(count * SWAP_SECTORS_PER_SLOT), kva);
    return err < 0 ? ERR_IO : ERR_OK;
}

/* used_run: how many slots from SLOT on (at most MAX) are in use. */
static size_t used_run(size_t slot, size_t max)
{
    spin_lock(&swap_lock);
    size_t n = 1;
    while (n < max && slot + n < bitmap_size(swap_map) && bitmap_test(swap_map, slot + n))
        n++;
    spin_unlock(&swap_lock);
    return n;
}

/* read_window_fill: read_buf misses SLOT: read the next window from it
 * (read_lock held). A miss right after the window counts as a hit. */
static int read_window_fill(size_t slot)
{
    bool sequential = read_hit || slot == read_first + read_window;
    read_window = sequential ? read_window * 2 : 1;
    if (read_window > SWAP_CLUSTER_PAGES)
        read_window = SWAP_CLUSTER_PAGES;
    read_hit = false;
    size_t n = used_run(slot, read_window);
    int err = read_pages(slot, read_buf, n);
    read_first = slot;
    read_count = err < 0 ? 0 : n;
    return err;
}

int swap_read(size_t slot, void *kva)
{
    vm_count(VM_STAT_SWAP_READ);
    if (!read_buf)
        return read_pages(slot, kva, 1);
    lock_acquire(&read_lock);
    int err = ERR_OK;
    if (slot >= read_first && slot < read_first + read_count)
        read_hit = true;
    else
        err = read_window_fill(slot);
    if (err == ERR_OK)
        memcpy(kva, read_buf + (slot - read_first) * PAGE_SIZE, PAGE_SIZE);
    lock_release(&read_lock);
    return err;
}

/* write_pages: COUNT pages at KVA to the slots from FIRST, one request.
 * A window read while the write was pending may hold the old contents of
 * these slots: they are dropped from it once the write is done. */
static int write_pages(size_t first, const void *kva, size_t count)
{
    vm_count(VM_STAT_SWAP_WRITE_IO);
    int err = block_write(swap_dev, (uint64_t)first * SWAP_SECTORS_PER_SLOT,
                          (uint32_t)(count * SWAP_SECTORS_PER_SLOT), kva);
    read_window_drop(first, count);
    return err < 0 ? ERR_IO : ERR_OK;
}

/* cluster_flush: write the pending cluster (cluster_lock held). */
static void cluster_flush(void)
{
    if (cluster_count && write_pages(cluster_first, cluster_buf, cluster_count) < 0)
        cluster_err = ERR_IO;
    cluster_count = 0;
}

void swap_plug(void)
{
    if (!cluster_buf)
        return;
    lock_acquire(&cluster_lock);
    cluster_count = 0;
    cluster_err = ERR_OK;
}

int swap_unplug(void)
{
    if (!cluster_buf)
        return ERR_OK;
    cluster_flush();
    int err = cluster_err;
    lock_release(&cluster_lock);
    return err;
}

int swap_write(size_t slot, const void *kva)
{
    vm_count(VM_STAT_SWAP_WRITE);
    read_window_drop(slot, 1);
    if (!cluster_buf || !lock_held_by_current_thread(&cluster_lock))
        return write_pages(slot, kva, 1);
    if (cluster_count &&
        (slot != cluster_first + cluster_count || cluster_count == SWAP_CLUSTER_PAGES))
        cluster_flush();
    if (!cluster_count)
        cluster_first = slot;
    memcpy(cluster_buf + cluster_count++ * PAGE_SIZE, kva, PAGE_SIZE);
    return ERR_OK;
}

size_t swap_slot_count(void)
{
    return swap_map ? bitmap_size(swap_map) : 0;
}

void swap_mark_bad(size_t slot)
{
    read_window_drop(slot, 1);
    spin_lock(&swap_lock);
    if (!slot_in_use(slot))
        panic("swap_mark_bad: slot %lu is not in use", slot);
    slot_refs[slot] = 0;
    swap_used--;
    swap_bad++;
    spin_unlock(&swap_lock);
}

size_t swap_used_count(void)
{
    spin_lock(&swap_lock);
    size_t n = swap_used;
    spin_unlock(&swap_lock);
    return n;
}
