/* bench-mmap TSC_HZ FILE: memory-mapped file costs, on FILE (16 MiB, put on
 * the disk by bench.sh and not read since boot):
 *   - cold read fault: FILE mapped read-only, one byte read per page, in
 *     BATCHES batches of consecutive pages; median cycles per page. The
 *     pages come from the disk (through the buffer cache's read-ahead);
 *   - warm read fault: FILE mapped again, and in each chunk of
 *     WARM_CHUNK_PAGES pages (less than the buffer cache holds) the chunk
 *     is first read with read(), so that the faults that follow find its
 *     blocks in the buffer cache; median cycles per page over the chunks;
 *   - munmap write-back: FILE mapped writable, one byte written per page
 *     (every page dirty), then munmap timed: MiB of dirty pages written
 *     back per second. */
#include <bench.h>
#include <stdio.h>
#include <stdlib.h>

#define MAP_BASE ((char *)0x10000000)
#define FILE_MIB 16
#define FILE_PAGES (FILE_MIB * BENCH_PAGES_PER_MIB)
#define BATCHES 8
#define WARM_CHUNK_PAGES 32 /* 128 KiB: half the buffer cache */
#define WARM_CHUNKS BENCH_MAX_BATCHES

static volatile char *map;
static char chunk[WARM_CHUNK_PAGES * BENCH_PAGE_SIZE];
static unsigned long sink;

/* read_batch: read one byte of each of PAGES pages of batch BATCH. */
static void read_batch(int batch, unsigned long pages)
{
    volatile char *base = map + (unsigned long)batch * pages * BENCH_PAGE_SIZE;
    for (unsigned long i = 0; i < pages; i++)
        sink += base[i * BENCH_PAGE_SIZE];
}

/* map_or_die: map FD's FILE_MIB MiB at MAP_BASE. */
static void map_or_die(int fd, int writable)
{
    map = mmap(MAP_BASE, FILE_PAGES * BENCH_PAGE_SIZE, writable, fd, 0);
    if (map != MAP_BASE) {
        printf("bench: mmap: FAILED: mmap returned %p\n", (void *)map);
        exit(1);
    }
}

/* warm_cycles: median cycles per page of read faults whose blocks are in
 * the buffer cache (see the file comment). */
static unsigned long warm_cycles(int fd)
{
    unsigned long per_page[WARM_CHUNKS];
    for (int c = 0; c < WARM_CHUNKS; c++) {
        seek(fd, (unsigned)(c * sizeof chunk));
        if (read(fd, chunk, sizeof chunk) != (int)sizeof chunk) {
            printf("bench: mmap: FAILED: read of chunk %d\n", c);
            exit(1);
        }
        per_page[c] = bench_cycles_per_page(read_batch, c, WARM_CHUNK_PAGES);
    }
    return bench_median(per_page, WARM_CHUNKS);
}

/* munmap_rate_x100: hundredths of MiB/s of munmap writing back every page
 * of a writable mapping of FD. */
static unsigned long munmap_rate_x100(int fd, unsigned long hz)
{
    map_or_die(fd, 1);
    for (unsigned long i = 0; i < FILE_PAGES; i++)
        map[i * BENCH_PAGE_SIZE] ^= 1;
    unsigned long start = rdtsc();
    munmap((void *)map);
    return bench_rate_x100((rdtsc() - start) / FILE_PAGES, hz);
}

int main(int argc, char *argv[])
{
    bench_exit_if_asked(argc, argv);
    unsigned long hz = bench_hz_arg(argc, argv);
    int fd = argc > 2 ? open(argv[2]) : -1;
    if (hz == 0 || fd < 2 || filesize(fd) != (int)(FILE_PAGES * BENCH_PAGE_SIZE)) {
        printf("bench: mmap: usage: bench-mmap TSC_HZ FILE (a %d MiB file)\n", FILE_MIB);
        return 1;
    }
    map_or_die(fd, 0);
    unsigned long cold = bench_median_per_page(read_batch, BATCHES, FILE_PAGES / BATCHES);
    munmap((void *)map);
    map_or_die(fd, 0);
    unsigned long warm = warm_cycles(fd);
    munmap((void *)map);
    unsigned long wb = munmap_rate_x100(fd, hz);
    printf("bench: mmap: %d MiB file: cold read fault %lu cycles/page (median of %d batches), "
           "warm read fault %lu cycles/page (median of %d chunks), munmap write-back "
           "%lu.%02lu MiB/s\n",
           FILE_MIB, cold, BATCHES, warm, WARM_CHUNKS, wb / BENCH_HUNDREDTHS,
           wb % BENCH_HUNDREDTHS);
    return 0;
}
