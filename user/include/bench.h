/* Helpers for the benchmark programs: the time-stamp counter and the median
 * of a set of measurements. */
#pragma once
#include <stdlib.h>

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
