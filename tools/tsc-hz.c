/* tsc-hz: print the host's time-stamp counter rate, in cycles per second,
 * measured against CLOCK_MONOTONIC over MEASURE_NS. tools/bench.sh builds
 * it with the host compiler and hands the rate to the guest programs that
 * report MiB/s: under QEMU TCG, rdtsc in the guest reads the host's TSC. */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <x86intrin.h>

#define NS_PER_S   1000000000ull
#define MEASURE_NS (200 * 1000000ull) /* 0.2 s: well under 0.1% of error */

/* now_ns: CLOCK_MONOTONIC in nanoseconds. */
static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

int main(void)
{
    uint64_t t0 = now_ns(), c0 = __rdtsc(), t1;
    while ((t1 = now_ns()) - t0 < MEASURE_NS)
        ;
    uint64_t c1 = __rdtsc();
    printf("%llu\n", (unsigned long long)((c1 - c0) * NS_PER_S / (t1 - t0)));
    return 0;
}
