/* Sequential throughput of a 16 MiB file through the whole stack (file.c,
 * ext2, buffer cache, block driver), for `make bench` (tools/bench.sh).
 *
 * One round: write the file in 64 KiB calls and fs_sync (write); unmount
 * and mount again so the buffer cache is empty, read it all (cold read);
 * read it all again (warm read: the cache holds BCACHE_DEFAULT_BUFFERS
 * blocks, far less than the file, so this shows what little the cache
 * keeps, mostly indirect blocks); read the first 32 KiB over and over, 16
 * MiB in all (cached read: every block a cache hit). Then remove the file.
 *
 * Time comes from the TSC, calibrated against the timer (TIMER_HZ) once;
 * under TCG both follow the host clock. Rates are printed in MiB/s with two
 * decimals computed in integers (no floating point in the kernel). The
 * first round also prints the buffer-cache counters of each measure. */
#include "fs/fsbench.h"

#include <stdbool.h>
#include <stdint.h>

#include "fs/file.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "proc/thread.h"

#define FSBENCH_PATH        "/fsbench.bin"
#define FSBENCH_BYTES       (16u << 20)
#define FSBENCH_CHUNK       (64u << 10)
#define FSBENCH_CACHED_SPAN (32u << 10) /* fits the buffer cache */
#define CALIBRATE_TICKS     20
#define KIB                 1024u

enum { M_WRITE, M_COLD, M_WARM, M_CACHED, M_COUNT };
static const char *const measure_names[M_COUNT] = {"write", "cold-read", "warm-read",
                                                   "cached-read"};

/* tsc_per_second: TSC cycles in one second, measured over CALIBRATE_TICKS
 * timer ticks (starting on a tick edge). */
static uint64_t tsc_per_second(void)
{
    uint64_t t0 = timer_ticks();
    while (timer_ticks() == t0)
        thread_yield();
    uint64_t c0 = rdtsc(), t1 = timer_ticks();
    while (timer_ticks() < t1 + CALIBRATE_TICKS)
        thread_yield();
    return (rdtsc() - c0) * TIMER_HZ / CALIBRATE_TICKS;
}

/* rate: hundredths of MiB/s for BYTES in CYCLES at HZ cycles per second. */
static uint64_t rate(uint64_t bytes, uint64_t cycles, uint64_t hz)
{
    if (cycles == 0)
        return 0;
    return bytes / KIB * 100 * hz / cycles / KIB;
}

/* remount: unmount and mount the file system again (an empty cache). */
static int remount(void)
{
    struct block_device *dev = block_find_role(BLOCK_ROLE_FILESYS);
    int err = fs_shutdown();
    if (err == 0)
        err = fs_init(dev);
    return err;
}

/* read_span: read SPAN bytes from offset 0 of F, over and over, until
 * TOTAL bytes were read. 0 or an error. */
static int read_span(struct file *f, uint8_t *buf, uint64_t span, uint64_t total)
{
    for (uint64_t done = 0; done < total;) {
        uint64_t pos = done % span;
        size_t n = span - pos < FSBENCH_CHUNK ? span - pos : FSBENCH_CHUNK;
        long r = file_read_at(f, buf, n, pos);
        if (r != (long)n)
            return r < 0 ? (int)r : ERR_IO;
        done += n;
    }
    return 0;
}

/* write_file: the benchmark file, written and synced. */
static int write_file(uint8_t *buf)
{
    int err = fs_create(FSBENCH_PATH, NULL, 0);
    struct file *f;
    if (err < 0 || (err = file_open(FSBENCH_PATH, NULL, &f)) < 0)
        return err;
    for (uint64_t done = 0; done < FSBENCH_BYTES && err == 0; done += FSBENCH_CHUNK) {
        long w = file_write(f, buf, FSBENCH_CHUNK);
        if (w != FSBENCH_CHUNK)
            err = w < 0 ? (int)w : ERR_NO_SPACE;
    }
    file_close(f);
    return err ? err : fs_sync();
}

/* print_cache: the buffer-cache counters since BEFORE, for measure M. */
static void print_cache(int m, const struct ext2_fs_stats *before)
{
    struct ext2_fs_stats now;
    fs_get_stats(&now);
    printf("fsbench:   %s: cache %lu hits %lu misses, %lu blocks read (%lu ahead), %lu written\n",
           measure_names[m], now.cache.hits - before->cache.hits,
           now.cache.misses - before->cache.misses, now.cache.reads - before->cache.reads,
           now.cache.readaheads - before->cache.readaheads,
           now.cache.writes - before->cache.writes);
}

/* one_round: measure the four rates (hundredths of MiB/s) into OUT; with
 * VERBOSE, print the cache counters of each measure. */
static int one_round(uint8_t *buf, uint64_t hz, uint64_t *out, bool verbose)
{
    struct ext2_fs_stats st;
    fs_get_stats(&st);
    uint64_t c = rdtsc();
    int err = write_file(buf);
    out[M_WRITE] = rate(FSBENCH_BYTES, rdtsc() - c, hz);
    if (verbose && err == 0)
        print_cache(M_WRITE, &st);
    struct file *f = NULL;
    if (err == 0 && (err = remount()) < 0)
        return err; /* nothing mounted: nothing more to do */
    if (err < 0 || (err = file_open(FSBENCH_PATH, NULL, &f)) < 0)
        goto out;
    static const uint64_t spans[] = {FSBENCH_BYTES, FSBENCH_BYTES, FSBENCH_CACHED_SPAN};
    for (int m = M_COLD; m <= M_CACHED && err == 0; m++) {
        fs_get_stats(&st);
        c = rdtsc();
        err = read_span(f, buf, spans[m - M_COLD], FSBENCH_BYTES);
        out[m] = rate(FSBENCH_BYTES, rdtsc() - c, hz);
        if (verbose && err == 0)
            print_cache(m, &st);
    }
out:
    file_close(f);
    int err2 = fs_remove(FSBENCH_PATH, NULL);
    return err < 0 ? err : err2;
}

/* median: of the N values V (sorts V). */
static uint64_t median(uint64_t *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            uint64_t t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return v[n / 2];
}

static void print_rates(const char *label, const uint64_t *r)
{
    printf("fsbench: %s:", label);
    for (int m = 0; m < M_COUNT; m++)
        printf(" %s %lu.%02lu", measure_names[m], r[m] / 100, r[m] % 100);
    printf(" MiB/s\n");
}

/* fsbench_run: see fsbench.h. */
int fsbench_run(int runs)
{
    if (!fs_mounted()) {
        printf("fsbench: no file system mounted\n");
        return ERR_NOT_FOUND;
    }
    if (runs < 1 || runs > FSBENCH_MAX_RUNS)
        return ERR_INVALID;
    uint64_t(*results)[FSBENCH_MAX_RUNS] = kzalloc(sizeof(uint64_t) * M_COUNT * FSBENCH_MAX_RUNS);
    uint8_t *buf = kmalloc(FSBENCH_CHUNK);
    int err = ERR_NO_MEMORY;
    if (!results || !buf)
        goto out;
    for (uint32_t i = 0; i < FSBENCH_CHUNK; i++)
        buf[i] = (uint8_t)(i * 7 + 3);
    uint64_t hz = tsc_per_second();
    struct ext2_fs_stats st;
    fs_get_stats(&st);
    printf("fsbench: %s, ext2 %u-byte blocks, %u MiB file, %u-block cache, %d runs\n",
           block_find_role(BLOCK_ROLE_FILESYS)->name, st.block_size, FSBENCH_BYTES >> 20,
           BCACHE_DEFAULT_BUFFERS, runs);
    for (int r = 0; r < runs; r++) {
        uint64_t one[M_COUNT];
        if ((err = one_round(buf, hz, one, r == 0)) < 0) {
            printf("fsbench: run %d failed: %s\n", r + 1, err_name(err));
            goto out;
        }
        char label[16];
        snprintf(label, sizeof label, "run %d", r + 1);
        print_rates(label, one);
        for (int m = 0; m < M_COUNT; m++)
            results[m][r] = one[m];
    }
    uint64_t med[M_COUNT];
    for (int m = 0; m < M_COUNT; m++)
        med[m] = median(results[m], runs);
    print_rates("median", med);
out:
    kfree(buf);
    kfree(results);
    return err;
}
