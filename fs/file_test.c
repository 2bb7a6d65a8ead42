/* Unit tests of fs/file.c's locking around disk reads (suite `fsio`), on
 * a disk behind a QEMU read throttle (tools/tests/ktest-fsio*.test): once
 * more bytes than its burst have gone through, the throttle holds the
 * next read for seconds.
 *
 * A read of pages into the page cache finds their blocks under fs_lock
 * and reads them without it (read_pages), so that the other threads' file
 * operations go on while the disk works: here fs_get_stats, which takes
 * fs_lock, must return at once while a read of the big file (FSIO_PATH,
 * from the spec's `gen:`) waits for the throttle. Without that file (not
 * the disk of the spec: `ktest` with no suite runs them all) the test
 * says so and passes. */
#include "drivers/block.h"
#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "proc/thread.h"

#define FSIO_PATH          "/big"
#define FSIO_WARM_PAGE     3               /* its read brings the file's first indirect block */
#define FSIO_READ_PAGES    FSIO_WARM_PAGE  /* pages 0 to 2: one request, no indirect block */
#define FSIO_PRIME_SECTORS 512             /* 256 KiB: seconds of the throttle's rate */
#define FSIO_SETTLE        (TIMER_HZ / 5)  /* ticks for the read to reach the disk */
#define FSIO_MAX_WAIT      (TIMER_HZ / 10) /* ticks fs_get_stats may take */

static struct file *fsio_file;
static uint8_t fsio_buf[FSIO_READ_PAGES * PAGE_SIZE];
static volatile bool fsio_done; /* the reader returned */
static long fsio_got;

/* fsio_reader: a thread's body: read pages 0 to FSIO_READ_PAGES - 1. */
static void fsio_reader(void *arg)
{
    (void)arg;
    fsio_got = file_read_at(fsio_file, fsio_buf, sizeof fsio_buf, 0);
    fsio_done = true;
}

/* fsio_prime: read FSIO_PRIME_SECTORS raw sectors of the disk (the
 * throttle's bucket fills: the next request waits). Whether it worked. */
static bool fsio_prime(void)
{
    struct block_device *dev = block_find_role(BLOCK_ROLE_DISK);
    void *raw = kmalloc(FSIO_PRIME_SECTORS * BLOCK_SECTOR_SIZE);
    bool ok = dev && raw && block_read(dev, 0, FSIO_PRIME_SECTORS, raw) == 0;
    kfree(raw);
    return ok;
}

KTEST(fsio, read_leaves_fs_lock_free)
{
    int err = file_open(FSIO_PATH, NULL, &fsio_file);
    if (err == ERR_NOT_FOUND) { /* not the disk of its spec: `ktest` runs every suite */
        printf("  fsio: skipped: no %s (tools/tests/ktest-fsio.test makes it)\n", FSIO_PATH);
        return;
    }
    KT_ASSERT(err == 0);
    uint8_t byte;
    bool warm = file_read_at(fsio_file, &byte, 1, FSIO_WARM_PAGE * PAGE_SIZE) == 1;
    fsio_done = false;
    struct thread *t = NULL;
    if (warm && fsio_prime())
        t = thread_create("fsio-reader", PRIORITY_DEFAULT, fsio_reader, NULL);
    bool held = false, waited_little = false;
    if (t) {
        thread_sleep(FSIO_SETTLE);
        held = !fsio_done;
        uint64_t start = timer_ticks();
        struct ext2_fs_stats st;
        fs_get_stats(&st); /* takes fs_lock */
        waited_little = timer_ticks() - start <= FSIO_MAX_WAIT;
        thread_join(t);
    }
    file_close(fsio_file);
    KT_ASSERT(warm && t);
    KT_ASSERT(held); /* else the throttle let the read through: no test */
    KT_ASSERT(waited_little);
    KT_ASSERT(fsio_got == (long)sizeof fsio_buf);
}
