/* RAM disks (see ramdisk.h). Each slot keeps an array of page pointers,
 * one per RAMDISK_PAGE bytes of the disk; NULL means "never written, all
 * zeros". Transfers copy page by page under the disk's lock (a write may
 * allocate a page, and two writers must not both allocate it). */
#include "drivers/ramdisk.h"

#include <stdbool.h>
#include <stddef.h>

#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "mm/pmm.h"

#define RAMDISK_PAGE             PAGE_SIZE
#define RAMDISK_SECTORS_PER_PAGE (RAMDISK_PAGE / BLOCK_SECTOR_SIZE)

struct ramdisk {
    struct block_device dev;
    struct lock lock; /* guards pages[] and their contents */
    bool registered;  /* in the block registry (forever) */
    bool in_use;      /* created and not destroyed */
    size_t npages;
    uint8_t **pages; /* npages entries, NULL = zero page */
};

static struct ramdisk ramdisks[RAMDISK_MAX];

/* page_of: the page holding SECTOR of RD, allocating it (zeroed) if
 * ALLOCATE; NULL for a zero page when not allocating, or out of memory. */
static uint8_t *page_of(struct ramdisk *rd, uint64_t sector, bool allocate)
{
    size_t idx = sector / RAMDISK_SECTORS_PER_PAGE;
    if (!rd->pages[idx] && allocate) {
        rd->pages[idx] = pmm_alloc_page();
        if (rd->pages[idx])
            memset(rd->pages[idx], 0, RAMDISK_PAGE);
    }
    return rd->pages[idx];
}

/* ramdisk_copy: copy COUNT sectors at SECTOR, all in one page of RD,
 * to (WRITE) or from BUF. Lock held. ERR_NO_MEMORY if a write finds no
 * page for them. */
static int ramdisk_copy(struct ramdisk *rd, uint64_t sector, uint32_t count, uint8_t *buf,
                        bool write)
{
    size_t off = (size_t)(sector % RAMDISK_SECTORS_PER_PAGE) * BLOCK_SECTOR_SIZE;
    size_t bytes = (size_t)count * BLOCK_SECTOR_SIZE;
    uint8_t *page = page_of(rd, sector, write);
    if (write && !page)
        return ERR_NO_MEMORY;
    if (write)
        memcpy(page + off, buf, bytes);
    else if (page)
        memcpy(buf, page + off, bytes);
    else
        memset(buf, 0, bytes);
    return 0;
}

/* ramdisk_transfer: copy the sectors from SECTOR on between RD and the
 * NSEG segments SEGS (the range is already checked by the block layer),
 * a piece at a time that stays in one page of the disk and one segment. */
static int ramdisk_transfer(struct ramdisk *rd, uint64_t sector, const struct block_seg *segs,
                            uint32_t nseg, bool write)
{
    int err = 0;
    lock_acquire(&rd->lock);
    for (uint32_t i = 0; i < nseg && err == 0; i++) {
        uint8_t *buf = segs[i].buf;
        for (size_t left = segs[i].len / BLOCK_SECTOR_SIZE; left > 0 && err == 0;) {
            size_t n = RAMDISK_SECTORS_PER_PAGE - sector % RAMDISK_SECTORS_PER_PAGE;
            n = n < left ? n : left;
            err = ramdisk_copy(rd, sector, (uint32_t)n, buf, write);
            sector += n, left -= n, buf += n * BLOCK_SECTOR_SIZE;
        }
    }
    lock_release(&rd->lock);
    return err;
}

static int ramdisk_readv(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                         uint32_t nseg)
{
    return ramdisk_transfer(dev->priv, sector, segs, nseg, false);
}

static int ramdisk_writev(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                          uint32_t nseg)
{
    return ramdisk_transfer(dev->priv, sector, segs, nseg, true);
}

static const struct block_ops ramdisk_ops = {.readv = ramdisk_readv, .writev = ramdisk_writev};

/* ramdisk_create: see ramdisk.h. */
int ramdisk_create(uint64_t sectors, struct block_device **out)
{
    if (sectors == 0)
        return ERR_INVALID;
    struct ramdisk *rd = NULL;
    for (int i = 0; i < RAMDISK_MAX && !rd; i++)
        if (!ramdisks[i].in_use)
            rd = &ramdisks[i];
    if (!rd)
        return ERR_TOO_MANY;
    size_t npages = (sectors + RAMDISK_SECTORS_PER_PAGE - 1) / RAMDISK_SECTORS_PER_PAGE;
    rd->pages = kzalloc(npages * sizeof(*rd->pages));
    if (!rd->pages)
        return ERR_NO_MEMORY;
    rd->npages = npages;
    rd->in_use = true;
    if (!rd->registered) {
        snprintf(rd->dev.name, sizeof rd->dev.name, "ram%d", (int)(rd - ramdisks));
        rd->dev.role = BLOCK_ROLE_OTHER;
        rd->dev.ops = &ramdisk_ops;
        rd->dev.priv = rd;
        lock_init(&rd->lock);
        block_register(&rd->dev);
        rd->registered = true;
    }
    rd->dev.sector_count = sectors;
    rd->dev.reads = rd->dev.writes = 0;
    *out = &rd->dev;
    return 0;
}

/* ramdisk_destroy: see ramdisk.h. */
void ramdisk_destroy(struct block_device *dev)
{
    struct ramdisk *rd = dev->priv;
    ASSERT(dev->ops == &ramdisk_ops && rd->in_use);
    lock_acquire(&rd->lock);
    dev->sector_count = 0;
    for (size_t i = 0; i < rd->npages; i++)
        if (rd->pages[i])
            pmm_free_page(rd->pages[i]);
    kfree(rd->pages);
    rd->pages = NULL;
    rd->npages = 0;
    rd->in_use = false;
    lock_release(&rd->lock);
}
