/* Block-device registry and the checked entry points every caller uses.
 * Devices register once at boot (storage_init) and are never removed, so
 * the registry is an append-only array; lookups need no lock once boot is
 * over. block_read/block_write reject transfers that leave the device and
 * count the sectors moved. Partitions (drivers/mbr.c) forward to their
 * parent through the same functions, so a disk's counters include the
 * traffic of its partitions. */
#include "drivers/block.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"

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

int block_read(struct block_device *dev, uint64_t sector, uint32_t count, void *buf)
{
    int err = block_check(dev, sector, count, buf);
    if (err < 0 || count == 0)
        return err;
    err = dev->ops->read(dev, sector, count, buf);
    if (err == ERR_OK)
        dev->reads += count;
    return err;
}

int block_write(struct block_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
    int err = block_check(dev, sector, count, buf);
    if (err < 0 || count == 0)
        return err;
    err = dev->ops->write(dev, sector, count, buf);
    if (err == ERR_OK)
        dev->writes += count;
    return err;
}

int block_flush(struct block_device *dev)
{
    if (!dev)
        return ERR_INVALID;
    return dev->ops->flush ? dev->ops->flush(dev) : ERR_OK;
}
