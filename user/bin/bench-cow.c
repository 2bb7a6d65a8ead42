/* bench-cow TSC_HZ [ROUNDS]: copy-on-write fork. A 16 MiB bss array is
 * written whole (every page resident and private), then, ROUNDS times:
 * fork; the child writes one byte to every page of the array (each write
 * a copy-on-write fault: the page is shared with the parent) and exits
 * with its cycles per page; the parent waits. Prints the median over the
 * rounds of the milliseconds from fork to the end of wait (TSC_HZ: TSC
 * cycles per second, measured on the host by bench.sh) and of the
 * child's cycles per copy-on-write fault. */
#include <bench.h>
#include <stdio.h>
#include <stdlib.h>

#define COW_MIB 16
#define COW_PAGES (COW_MIB * BENCH_PAGES_PER_MIB)
#define DEFAULT_ROUNDS 5
#define MAX_ROUNDS BENCH_MAX_BATCHES
#define MS_PER_S 1000ul

static char arena[COW_PAGES * BENCH_PAGE_SIZE];

/* write_pages: write one byte (VALUE) to each page of the arena. */
static void write_pages(int value, unsigned long pages)
{
    volatile char *base = arena;
    for (unsigned long i = 0; i < pages; i++)
        base[i * BENCH_PAGE_SIZE] = (char)value;
}

/* round_trip: one fork + child writes + wait; the child's cycles per
 * page in *FAULT; the cycles of the whole, or 0 if something failed. */
static unsigned long round_trip(int round, unsigned long *fault)
{
    unsigned long start = rdtsc();
    pid_t pid = fork("bench-cow-child");
    if (pid == 0)
        exit((int)bench_cycles_per_page(write_pages, round + 1, COW_PAGES));
    int status = pid < 0 ? -1 : wait(pid);
    unsigned long total = rdtsc() - start;
    *fault = status > 0 ? (unsigned long)status : 0;
    return status > 0 ? total : 0;
}

int main(int argc, char *argv[])
{
    static unsigned long totals[MAX_ROUNDS], faults[MAX_ROUNDS];
    bench_exit_if_asked(argc, argv);
    unsigned long hz = bench_hz_arg(argc, argv);
    int rounds = argc > 2 ? atoi(argv[2]) : DEFAULT_ROUNDS;
    if (hz == 0 || rounds <= 0 || rounds > MAX_ROUNDS) {
        printf("bench: cow: usage: bench-cow TSC_HZ [ROUNDS <= %d]\n", MAX_ROUNDS);
        return 1;
    }
    write_pages(0, COW_PAGES);
    for (int r = 0; r < rounds; r++) {
        if ((totals[r] = round_trip(r, &faults[r])) == 0) {
            printf("bench: cow: FAILED: round %d\n", r);
            return 1;
        }
    }
    unsigned long total = bench_median(totals, rounds), fault = bench_median(faults, rounds);
    unsigned long us = total * MS_PER_S * MS_PER_S / hz;
    printf("bench: cow: fork of %d MiB resident + child writes every page + wait %lu.%03lu ms, "
           "%lu cycles per copy-on-write fault (median of %d rounds)\n",
           COW_MIB, us / MS_PER_S, us % MS_PER_S, fault, rounds);
    return 0;
}
