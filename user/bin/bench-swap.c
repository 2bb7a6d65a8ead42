/* bench-swap TSC_HZ [ROUNDS]: swap throughput. A 32 MiB bss array, twice
 * the user frames `make bench` lets the kernel have (-ul=4096: 16 MiB), is
 * written whole, then read back whole and checked, ROUNDS times with a
 * pattern of its own each round: every pass goes through twice the frames
 * there are, so most of it goes out to swap and comes back in. Prints the
 * median over the rounds of each phase, in MiB of the array per second
 * (TSC_HZ: TSC cycles per second, measured on the host by bench.sh: under
 * TCG the guest reads the host's TSC) and in cycles per page. The first
 * round writes fresh zero pages, the later ones swap pages in to write
 * them: with three rounds the median is, in practice, a swap-in round. */
#include <bench.h>
#include <stdio.h>
#include <stdlib.h>

#define SWAP_MIB 32
#define SWAP_PAGES (SWAP_MIB * BENCH_PAGES_PER_MIB)
#define WORDS_PER_PAGE (BENCH_PAGE_SIZE / sizeof(unsigned long))
#define DEFAULT_ROUNDS 3
#define MAX_ROUNDS BENCH_MAX_BATCHES
#define ROUND_SALT 0x9e3779b97f4a7c15ul /* spreads the rounds' patterns apart */

static unsigned long arena[SWAP_PAGES][WORDS_PER_PAGE];
/* Pages verify_round found wrong, over all rounds. */
static unsigned long bad_pages;

/* pattern: word WORD of page PAGE in round ROUND (distinct for each). */
static unsigned long pattern(int round, unsigned long page, unsigned long word)
{
    return (page * WORDS_PER_PAGE + word) ^ ((unsigned long)(round + 1) * ROUND_SALT);
}

/* write_round: fill the first PAGES pages with ROUND's pattern. */
static void write_round(int round, unsigned long pages)
{
    for (unsigned long p = 0; p < pages; p++)
        for (unsigned long w = 0; w < WORDS_PER_PAGE; w++)
            arena[p][w] = pattern(round, p, w);
}

/* verify_round: check the first PAGES pages against ROUND's pattern;
 * add the pages that differ to bad_pages. */
static void verify_round(int round, unsigned long pages)
{
    for (unsigned long p = 0; p < pages; p++) {
        unsigned long w = 0;
        while (w < WORDS_PER_PAGE && arena[p][w] == pattern(round, p, w))
            w++;
        bad_pages += w < WORDS_PER_PAGE;
    }
}

int main(int argc, char *argv[])
{
    static unsigned long write_cycles[MAX_ROUNDS], read_cycles[MAX_ROUNDS];
    bench_exit_if_asked(argc, argv);
    unsigned long hz = bench_hz_arg(argc, argv);
    int rounds = argc > 2 ? atoi(argv[2]) : DEFAULT_ROUNDS;
    if (hz == 0 || rounds <= 0 || rounds > MAX_ROUNDS) {
        printf("bench: swap: usage: bench-swap TSC_HZ [ROUNDS <= %d]\n", MAX_ROUNDS);
        return 1;
    }
    for (int r = 0; r < rounds; r++) {
        write_cycles[r] = bench_cycles_per_page(write_round, r, SWAP_PAGES);
        read_cycles[r] = bench_cycles_per_page(verify_round, r, SWAP_PAGES);
    }
    if (bad_pages) {
        printf("bench: swap: FAILED: %lu pages read back wrong\n", bad_pages);
        return 1;
    }
    unsigned long wc = bench_median(write_cycles, rounds), rc = bench_median(read_cycles, rounds);
    unsigned long wr = bench_rate_x100(wc, hz), rr = bench_rate_x100(rc, hz);
    printf("bench: swap: %d MiB: write %lu.%02lu MiB/s (%lu cycles/page), read-verify "
           "%lu.%02lu MiB/s (%lu cycles/page) (median of %d rounds)\n",
           SWAP_MIB, wr / BENCH_HUNDREDTHS, wr % BENCH_HUNDREDTHS, wc, rr / BENCH_HUNDREDTHS,
           rr % BENCH_HUNDREDTHS, rc, rounds);
    return 0;
}
