/* bench-anon: cycles per first touch of an anonymous page. A 64 MiB bss
 * array is written one byte per page, in BATCHES batches of consecutive
 * pages; prints how many of its pages had no frame before (the faults a
 * demand-paged kernel takes: all of them) and the median over the batches
 * of cycles per page. `bench-anon -exit` exits at once without touching
 * the array: bench-fork times it as the big program of exec+exit. */
#include <bench.h>
#include <stdio.h>

#define ANON_MIB 64
#define ANON_PAGES (ANON_MIB * BENCH_PAGES_PER_MIB)
#define BATCHES 8
#define PAGES_PER_BATCH (ANON_PAGES / BATCHES)
#define TOUCH_BYTE 1

static char arena[ANON_PAGES * BENCH_PAGE_SIZE];

/* touch_batch: write one byte to each page of batch BATCH of the arena. */
static void touch_batch(int batch, unsigned long pages)
{
    volatile char *base = arena + (unsigned long)batch * pages * BENCH_PAGE_SIZE;
    for (unsigned long i = 0; i < pages; i++)
        base[i * BENCH_PAGE_SIZE] = TOUCH_BYTE;
}

int main(int argc, char *argv[])
{
    bench_exit_if_asked(argc, argv);
    unsigned long faults = bench_count_absent(arena, ANON_PAGES);
    unsigned long cycles = bench_median_per_page(touch_batch, BATCHES, PAGES_PER_BATCH);
    printf("bench: anon first touch: %d MiB bss, %lu pages, %lu faults, %lu cycles/page "
           "(median of %d batches)\n",
           ANON_MIB, ANON_PAGES, faults, cycles, BATCHES);
    return 0;
}
