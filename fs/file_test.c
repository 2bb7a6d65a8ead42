/* Unit tests of fs/file.c's locking around disk reads (suite `fsio`), on
 * a disk behind a QEMU read throttle (tools/tests/ktest-fsio*.test): once
 * more bytes than its burst have gone through, the throttle holds the
 * next read for seconds.
 *
 * A read of pages into the page cache finds their blocks under fs_lock
 * and reads them without it (read_pages), so that the other threads' file
 * operations go on while the disk works: here fs_get_stats, which takes
 * fs_lock, must return at once while a read of the big file (FSIO_PATH,
 * from the spec's `gen:`) waits for the throttle. And a direct write
 * (file_write_pages, as munmap's write-back) to a page while a read of it
 * is held must not leave the page cache with what the read got: here a
 * hole, read as zeros, filled by the write meanwhile. Without FSIO_PATH
 * (not the disk of the spec: `ktest` with no suite runs every suite) the
 * tests say so and pass. */
#include "drivers/block.h"
#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "proc/thread.h"

#define FSIO_PATH          "/big"
#define FSIO_HOLE_PATH     "/fsio-hole"
#define FSIO_HOLE_BYTE     0xa5
#define FSIO_WARM_PAGE     3               /* its read brings the file's first indirect block */
#define FSIO_READ_PAGES    FSIO_WARM_PAGE  /* pages 0 to 2: one request, no indirect block */
#define FSIO_PRIME_SECTORS 512             /* 256 KiB: seconds of the throttle's rate */
#define FSIO_SETTLE        (TIMER_HZ / 5)  /* ticks for the read to reach the disk */
#define FSIO_MAX_WAIT      (TIMER_HZ / 10) /* ticks fs_get_stats may take */

static struct file *fsio_file;
static uint8_t fsio_buf[FSIO_READ_PAGES * PAGE_SIZE];
static volatile bool fsio_done; /* the reader returned */
static long fsio_got;

/* fsio_reader: a thread's body: read the first ARG bytes (at most
 * sizeof fsio_buf) of fsio_file. */
static void fsio_reader(void *arg)
{
    fsio_got = file_read_at(fsio_file, fsio_buf, (size_t)arg, 0);
    fsio_done = true;
}

/* fsio_skip: whether FSIO_PATH is missing (then say the test is skipped). */
static bool fsio_skip(void)
{
    struct file *f;
    int err = file_open(FSIO_PATH, NULL, &f);
    if (err == 0)
        file_close(f);
    if (err != ERR_NOT_FOUND)
        return false;
    printf("  fsio: skipped: no %s (tools/tests/ktest-fsio.test makes it)\n", FSIO_PATH);
    return true;
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
    if (fsio_skip())
        return;
    KT_ASSERT(file_open(FSIO_PATH, NULL, &fsio_file) == 0);
    uint8_t byte;
    bool warm = file_read_at(fsio_file, &byte, 1, FSIO_WARM_PAGE * PAGE_SIZE) == 1;
    fsio_done = false;
    struct thread *t = NULL;
    if (warm && fsio_prime())
        t = thread_create("fsio-reader", PRIORITY_DEFAULT, fsio_reader,
                          (void *)(size_t)sizeof fsio_buf);
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

/* fsio_hole_file: FSIO_HOLE_PATH, two pages: page 0 a hole, page 1 written
 * straight to the disk (nothing cached), open in fsio_file. */
static bool fsio_hole_file(void)
{
    memset(fsio_buf, FSIO_HOLE_BYTE, PAGE_SIZE);
    if (fs_create(FSIO_HOLE_PATH, NULL, 2 * PAGE_SIZE) < 0)
        return false;
    if (file_open(FSIO_HOLE_PATH, NULL, &fsio_file) < 0)
        return false;
    return file_write_pages(fsio_file, PAGE_SIZE, fsio_buf, PAGE_SIZE) == PAGE_SIZE;
}

/* fsio_all_hole_byte: whether the page at BUF is all FSIO_HOLE_BYTE. */
static bool fsio_all_hole_byte(const uint8_t *buf)
{
    for (size_t i = 0; i < PAGE_SIZE; i++)
        if (buf[i] != FSIO_HOLE_BYTE)
            return false;
    return true;
}

KTEST(fsio, direct_write_during_read)
{
    if (fsio_skip())
        return;
    fsio_file = NULL;
    bool made = fsio_hole_file();
    fsio_done = false;
    struct thread *t = NULL;
    if (made && fsio_prime()) /* the read of pages 0 (hole) and 1 is held */
        t = thread_create("fsio-reader", PRIORITY_DEFAULT, fsio_reader, (void *)(2 * PAGE_SIZE));
    bool held = false, wrote = false, fresh = false;
    if (t) {
        thread_sleep(FSIO_SETTLE);
        held = !fsio_done;
        memset(fsio_buf + 2 * PAGE_SIZE, FSIO_HOLE_BYTE, PAGE_SIZE);
        wrote = file_write_pages(fsio_file, 0, fsio_buf + 2 * PAGE_SIZE, PAGE_SIZE) == PAGE_SIZE;
        thread_join(t);
        fresh = file_read_at(fsio_file, fsio_buf, PAGE_SIZE, 0) == PAGE_SIZE &&
                fsio_all_hole_byte(fsio_buf); /* the write's bytes, not the hole's zeros */
    }
    if (fsio_file)
        file_close(fsio_file);
    fs_remove(FSIO_HOLE_PATH, NULL);
    KT_ASSERT(made && t);
    KT_ASSERT(held); /* else the throttle let the read through: no test */
    KT_ASSERT(wrote);
    KT_ASSERT(fsio_got == (long)(2 * PAGE_SIZE));
    KT_ASSERT(fresh);
}
