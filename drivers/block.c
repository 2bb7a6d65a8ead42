/* Block-device registry and the checked entry points every caller uses.
 * Devices register once at boot (storage_init) and are never removed, so
 * the registry is an append-only array; lookups need no lock once boot is
 * over. block_read/block_write (and their vectored forms, one run of
 * sectors to or from a list of buffers) reject transfers that leave the
 * device and count the sectors moved. Partitions (drivers/mbr.c) forward to their
 * parent through the same functions, so a disk's counters include the
 * traffic of its partitions. */
#include "drivers/block.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/memlayout.h"

#define BLOCK_MAX_DEVICES 32

static struct block_device *block_devices[BLOCK_MAX_DEVICES];
static int block_device_count;

void block_register(struct block_device *dev)
{
    ASSERT(dev && dev->ops);
    if (block_device_count == BLOCK_MAX_DEVICES) {
        printf("block: registry full, %s ignored\n", dev->name);
        return;
    }
    block_devices[block_device_count++] = dev;
}

struct block_device *block_find(const char *name)
{
    for (int i = 0; i < block_device_count; i++)
        if (!strcmp(block_devices[i]->name, name))
            return block_devices[i];
    return NULL;
}

struct block_device *block_find_role(enum block_role role)
{
    for (int i = 0; i < block_device_count; i++)
        if (block_devices[i]->role == role)
            return block_devices[i];
    return NULL;
}

struct block_device *block_next(struct block_device *prev)
{
    int i = 0;
    if (prev)
        while (i < block_device_count && block_devices[i++] != prev)
            continue;
    return i < block_device_count ? block_devices[i] : NULL;
}

/* block_check: ERR_INVALID unless COUNT sectors from SECTOR lie inside DEV
 * and BUF is given (overflow-safe). */
static int block_check(const struct block_device *dev, uint64_t sector, uint32_t count,
                       const void *buf)
{
    if (!dev || !buf || sector > dev->sector_count || count > dev->sector_count - sector)
        return ERR_INVALID;
    return ERR_OK;
}

/* transfer_one: COUNT sectors from SECTOR of DEV to or from (WRITE) BUF,
 * checked: the driver's vectored op with one segment. 0 or its error. */
static int transfer_one(struct block_device *dev, bool write, uint64_t sector, uint32_t count,
                        void *buf)
{
    struct block_seg seg = {buf, (size_t)count * BLOCK_SECTOR_SIZE};
    return write ? dev->ops->writev(dev, sector, &seg, 1) : dev->ops->readv(dev, sector, &seg, 1);
}

int block_read(struct block_device *dev, uint64_t sector, uint32_t count, void *buf)
{
    int err = block_check(dev, sector, count, buf);
    if (err < 0 || count == 0)
        return err;
    err = transfer_one(dev, false, sector, count, buf);
    if (err == ERR_OK)
        dev->reads += count;
    return err;
}

int block_write(struct block_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
    int err = block_check(dev, sector, count, buf);
    if (err < 0 || count == 0)
        return err;
    err = transfer_one(dev, true, sector, count, (void *)buf);
    if (err == ERR_OK)
        dev->writes += count;
    return err;
}

/* block_checkv: the sectors the NSEG segments SEGS stand for, or
 * ERR_INVALID unless they all have a buffer and a length that is a
 * nonzero multiple of the sector size and the run from SECTOR lies inside
 * DEV (overflow-safe). */
static int64_t block_checkv(const struct block_device *dev, uint64_t sector,
                            const struct block_seg *segs, uint32_t nseg)
{
    uint64_t total = 0;
    if (!dev || !segs)
        return ERR_INVALID;
    for (uint32_t i = 0; i < nseg; i++) {
        if (!segs[i].buf || segs[i].len == 0 || segs[i].len % BLOCK_SECTOR_SIZE)
            return ERR_INVALID;
        total += segs[i].len / BLOCK_SECTOR_SIZE;
        if (total > dev->sector_count)
            return ERR_INVALID;
    }
    return sector > dev->sector_count - total ? ERR_INVALID : (int64_t)total;
}

/* block_transferv: block_readv or block_writev (WRITE). */
static int block_transferv(struct block_device *dev, bool write, uint64_t sector,
                           const struct block_seg *segs, uint32_t nseg)
{
    int64_t total = block_checkv(dev, sector, segs, nseg);
    if (total <= 0)
        return (int)total;
    int err = write ? dev->ops->writev(dev, sector, segs, nseg)
                    : dev->ops->readv(dev, sector, segs, nseg);
    if (err == ERR_OK && write)
        dev->writes += (uint64_t)total;
    else if (err == ERR_OK)
        dev->reads += (uint64_t)total;
    return err;
}

int block_readv(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                uint32_t nseg)
{
    return block_transferv(dev, false, sector, segs, nseg);
}

int block_writev(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                 uint32_t nseg)
{
    return block_transferv(dev, true, sector, segs, nseg);
}

/* block_seg_sectors: see block.h. */
uint64_t block_seg_sectors(const struct block_seg *segs, uint32_t nseg)
{
    uint64_t total = 0;
    for (uint32_t i = 0; i < nseg; i++)
        total += segs[i].len / BLOCK_SECTOR_SIZE;
    return total;
}

/* block_cursor_piece: see block.h. */
size_t block_cursor_piece(const struct block_cursor *c, size_t max, uint8_t **at)
{
    uint8_t *p = (uint8_t *)c->seg->buf + c->off;
    size_t piece = PAGE_SIZE - ((uintptr_t)p & PAGE_MASK), left = c->seg->len - c->off;
    piece = piece < left ? piece : left;
    *at = p;
    return piece < max ? piece : max;
}

/* block_cursor_advance: see block.h. */
void block_cursor_advance(struct block_cursor *c, size_t bytes)
{
    while (bytes) {
        size_t step = c->seg->len - c->off < bytes ? c->seg->len - c->off : bytes;
        c->off += step, bytes -= step;
        if (c->off == c->seg->len)
            c->seg++, c->off = 0;
    }
}

int block_flush(struct block_device *dev)
{
    if (!dev)
        return ERR_INVALID;
    return dev->ops->flush ? dev->ops->flush(dev) : ERR_OK;
}
