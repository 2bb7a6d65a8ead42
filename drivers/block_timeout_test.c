/* Unit tests of the request timeout of the disk drivers (suite
 * `blocktimeout`), on a scratch disk: the first disk with no partition.
 * The specs that run it (tools/tests/timeout-*.test) attach one whose QEMU
 * throttle lets THROTTLE_BURST_SECTORS through at once and then holds the
 * next request for about THROTTLE_HOLD_TICKS: longer than
 * BLOCK_TIMEOUT_TICKS, so that request fails with ERR_IO and the driver
 * resets the device; the reset releases the held request (QEMU drains a
 * device it resets). Once the throttle has let out what it holds, the same
 * device answers again. The file system's disk must work all along (on
 * IDE it shares the channel, and so the reset, when the scratch disk is
 * its slave). Without a scratch disk the tests say so and pass. */
#include "drivers/block.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "proc/thread.h"

#define THROTTLE_BURST_SECTORS 128 /* 64 KiB: one request of either driver */
#define THROTTLE_HOLD_TICKS    (95 * TIMER_HZ / 10)
#define THROTTLE_SETTLE_TICKS  (THROTTLE_HOLD_TICKS - BLOCK_TIMEOUT_TICKS)
#define PROBE_SECTORS          1

/* has_partition: some registered device is a partition of D. */
static bool has_partition(struct block_device *d)
{
    for (struct block_device *p = block_next(NULL); p; p = block_next(p))
        if (p->parent == d)
            return true;
    return false;
}

/* scratch_disk: the first whole disk without partitions, or NULL (then
 * say once that the tests are skipped). */
static struct block_device *scratch_disk(void)
{
    static bool told;
    for (struct block_device *d = block_next(NULL); d; d = block_next(d))
        if (d->role == BLOCK_ROLE_DISK && !has_partition(d))
            return d;
    if (!told)
        printf("ktest blocktimeout: no disk without partitions, tests skipped\n");
    told = true;
    return NULL;
}

typedef int transfer_fn(struct block_device *dev, uint64_t sector, uint32_t count, void *buf);

static int do_read(struct block_device *dev, uint64_t sector, uint32_t count, void *buf)
{
    return block_read(dev, sector, count, buf);
}

static int do_write(struct block_device *dev, uint64_t sector, uint32_t count, void *buf)
{
    return block_write(dev, sector, count, buf);
}

/* A transfer of the scratch disk held past the timeout fails with ERR_IO,
 * not before BLOCK_TIMEOUT_TICKS; once the throttle has let it go, the
 * same transfer works again. */
static void held_then_served(struct ktest_ctx *ctx, transfer_fn *xfer)
{
    struct block_device *d = scratch_disk();
    if (!d)
        return;
    uint8_t *buf = kzalloc(THROTTLE_BURST_SECTORS * BLOCK_SECTOR_SIZE);
    KT_ASSERT(buf);
    int burst = xfer(d, 0, THROTTLE_BURST_SECTORS, buf);
    uint64_t t0 = timer_ticks();
    int held = xfer(d, 0, PROBE_SECTORS, buf);
    uint64_t waited = timer_ticks() - t0;
    thread_sleep(THROTTLE_SETTLE_TICKS);
    int again = xfer(d, 0, PROBE_SECTORS, buf);
    kfree(buf);
    KT_ASSERT(burst == ERR_OK);
    KT_ASSERT(held == ERR_IO);
    KT_ASSERT(waited >= BLOCK_TIMEOUT_TICKS);
    KT_ASSERT(again == ERR_OK);
}

KTEST(blocktimeout, read_held_then_served)
{
    held_then_served(ctx, do_read);
}

KTEST(blocktimeout, write_held_then_served)
{
    held_then_served(ctx, do_write);
}

/* The file system's disk answered all along, and still does. */
KTEST(blocktimeout, other_disk_works)
{
    struct block_device *fs = block_find_role(BLOCK_ROLE_FILESYS);
    if (!scratch_disk() || !fs)
        return;
    uint8_t *buf = kmalloc(THROTTLE_BURST_SECTORS * BLOCK_SECTOR_SIZE);
    KT_ASSERT(buf);
    int err = block_read(fs->parent, 0, THROTTLE_BURST_SECTORS, buf);
    kfree(buf);
    KT_ASSERT(err == ERR_OK);
}
