/* Helpers for the benchmark programs (user/bin/bench-*.c, run by `make
 * bench`): the time-stamp counter, the median of a set of measurements,
 * cycles per page of a page-touching pass, page residency (int 0x42),
 * MiB/s from cycles, and the `-exit` convention that lets bench-fork time
 * fork+exec+wait of any of them.
 *
 * Page-touching passes: a program splits its work into batches (regions of
 * memory, or rounds over the same memory), each a bench_touch_fn call;
 * bench_median_per_page times every batch and keeps the median of the
 * per-page costs, so one slow batch (a timer tick, a disk hiccup) does not
 * move the figure. */
#pragma once
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>

#define BENCH_PAGE_SIZE 4096ul
#define BENCH_MIB (1ul << 20)
#define BENCH_PAGES_PER_MIB (BENCH_MIB / BENCH_PAGE_SIZE)
/* Most batches bench_median_per_page takes. */
#define BENCH_MAX_BATCHES 64
/* Rates and ratios are integers in hundredths (no floating point). */
#define BENCH_HUNDREDTHS 100
/* The base of numbers given on the command line. */
#define BENCH_DECIMAL 10
/* The argument that makes a benchmark program exit at once. */
#define BENCH_EXIT_ARG "-exit"

/* rdtsc: the CPU's time-stamp counter (readable in ring 3). */
static inline unsigned long rdtsc(void)
{
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long)hi << 32) | lo;
}

static inline int bench_cmp_ulong(const void *a, const void *b)
{
    unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
    return x < y ? -1 : x > y;
}

/* bench_median: the median of V[0..N) (sorts V). */
static inline unsigned long bench_median(unsigned long *v, int n)
{
    qsort(v, n, sizeof v[0], bench_cmp_ulong);
    return v[n / 2];
}

/* bench_exit_if_asked: end the process with 0 when argv[1] is -exit, so
 * that bench-fork times fork+exec+wait of this program and nothing else
 * (call it first thing in main). */
static inline void bench_exit_if_asked(int argc, char *argv[])
{
    if (argc > 1 && strcmp(argv[1], BENCH_EXIT_ARG) == 0)
        exit(0);
}

/* bench_hz_arg: the TSC_HZ argument (TSC cycles per second, measured on
 * the host by bench.sh) in argv[1], or 0 when it is missing or bad. */
static inline unsigned long bench_hz_arg(int argc, char *argv[])
{
    return argc > 1 ? (unsigned long)strtol(argv[1], NULL, BENCH_DECIMAL) : 0;
}

/* bench_resident: whether the page holding ADDR has a frame now (int 0x42
 * answers 0 for a page that is not resident; it never faults one in). */
static inline bool bench_resident(const volatile void *addr)
{
    unsigned long rax = (unsigned long)addr;
    __asm__ volatile("int %1" : "+a"(rax) : "i"(ABI_VEC_PHYS_ADDR) : "memory");
    return rax != 0;
}

/* bench_count_absent: how many of the PAGES pages from BASE up have no
 * frame: the page faults a first touch of them will take. */
static inline unsigned long bench_count_absent(const volatile char *base, unsigned long pages)
{
    unsigned long absent = 0;
    for (unsigned long i = 0; i < pages; i++)
        absent += !bench_resident(base + i * BENCH_PAGE_SIZE);
    return absent;
}

/* A page-touching pass: batch BATCH (0, 1, ...) of PAGES pages. */
typedef void bench_touch_fn(int batch, unsigned long pages);

/* bench_cycles_per_page: cycles per page of TOUCH(BATCH, PAGES). */
static inline unsigned long bench_cycles_per_page(bench_touch_fn *touch, int batch,
                                                  unsigned long pages)
{
    unsigned long start = rdtsc();
    touch(batch, pages);
    return (rdtsc() - start) / pages;
}

/* bench_median_per_page: run TOUCH on batches 0 .. BATCHES-1 of PAGES pages
 * each (BATCHES at most BENCH_MAX_BATCHES) and return the median of their
 * cycles per page. */
static inline unsigned long bench_median_per_page(bench_touch_fn *touch, int batches,
                                                  unsigned long pages)
{
    unsigned long per_page[BENCH_MAX_BATCHES];
    for (int b = 0; b < batches; b++)
        per_page[b] = bench_cycles_per_page(touch, b, pages);
    return bench_median(per_page, batches);
}

/* bench_rate_x100: hundredths of MiB/s at CYCLES_PER_PAGE cycles per page
 * and HZ cycles per second (print as "%lu.%02lu" of r / BENCH_HUNDREDTHS, r % BENCH_HUNDREDTHS). */
static inline unsigned long bench_rate_x100(unsigned long cycles_per_page, unsigned long hz)
{
    if (cycles_per_page == 0)
        return 0;
    return hz * BENCH_HUNDREDTHS / BENCH_PAGES_PER_MIB / cycles_per_page;
}
