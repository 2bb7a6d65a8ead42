/* Swap slots (see swap.h). Lock order: swap_lock is innermost; it guards
 * swap_map and swap_used only. */
#include "kernel/bitmap.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/sync.h"
#include "mm/swap.h"
#include "mm/vm.h"

static struct block_device *swap_dev;
static struct bitmap *swap_map; /* bit set = slot in use */
static size_t swap_used;
static struct spinlock swap_lock = {.name = "swap"};

void swap_init(void)
{
    swap_dev = block_find_role(BLOCK_ROLE_SWAP);
    size_t slots = swap_dev ? swap_dev->sector_count / SWAP_SECTORS_PER_SLOT : 0;
    if (slots)
        swap_map = bitmap_create(slots);
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
    if (slot != BITMAP_ERROR)
        swap_used++;
    spin_unlock(&swap_lock);
    return slot == BITMAP_ERROR ? SWAP_SLOT_NONE : slot;
}

void swap_free(size_t slot)
{
    spin_lock(&swap_lock);
    if (!swap_map || slot >= bitmap_size(swap_map) || !bitmap_test(swap_map, slot))
        panic("swap_free: slot %lu is not in use", slot);
    bitmap_reset(swap_map, slot);
    swap_used--;
    spin_unlock(&swap_lock);
}

int swap_read(size_t slot, void *kva)
{
    vm_count(VM_STAT_SWAP_READ);
    int err = block_read(swap_dev, (uint64_t)slot * SWAP_SECTORS_PER_SLOT, SWAP_SECTORS_PER_SLOT,
                         kva);
    return err < 0 ? ERR_IO : ERR_OK;
}

int swap_write(size_t slot, const void *kva)
{
    vm_count(VM_STAT_SWAP_WRITE);
    int err = block_write(swap_dev, (uint64_t)slot * SWAP_SECTORS_PER_SLOT,
                          SWAP_SECTORS_PER_SLOT, kva);
    return err < 0 ? ERR_IO : ERR_OK;
}

size_t swap_slot_count(void)
{
    return swap_map ? bitmap_size(swap_map) : 0;
}

size_t swap_used_count(void)
{
    spin_lock(&swap_lock);
    size_t n = swap_used;
    spin_unlock(&swap_lock);
    return n;
}
