/* bench-stack: cycles per stack-growth fault. The kernel grows the stack
 * on a fault at or above rsp - 8, so the walk moves rsp itself: from
 * WALK_TOP down, one page at a time, it lowers rsp by a page and writes a
 * byte at rsp (the fault lands exactly at rsp), then puts rsp back. The
 * STACK_PAGES pages below WALK_TOP are walked in BATCHES batches (each
 * jumps over the pages grown before it); prints how many of them had no
 * frame before (the faults) and the median over the batches of cycles per
 * page. The pages above WALK_TOP hold the arguments and the frames of main
 * and the walk; the whole stays under the 1 MiB limit. */
#include <bench.h>
#include <stdio.h>

#define TOP_PAGES 2     /* pages left above the walk for arguments and frames */
#define STACK_PAGES 240 /* TOP_PAGES + STACK_PAGES <= the 256 pages of the limit */
#define BATCHES 8
#define PAGES_PER_BATCH (STACK_PAGES / BATCHES)
#define WALK_TOP (USER_STACK - TOP_PAGES * BENCH_PAGE_SIZE)
#define KIB 1024
#define WALK_BOTTOM (WALK_TOP - STACK_PAGES * BENCH_PAGE_SIZE)

_Static_assert((TOP_PAGES + STACK_PAGES) * BENCH_PAGE_SIZE <= USER_STACK_LIMIT,
               "the walk stays within the stack limit");

/* touch_batch: walk batch BATCH: rsp starts at WALK_TOP less the pages of
 * the batches before, then PAGES times goes down a page and writes a byte
 * at rsp; rsp is restored at the end. Nothing else uses the moved stack:
 * interrupts from ring 3 switch to the kernel stack. */
static void touch_batch(int batch, unsigned long pages)
{
    unsigned long start = WALK_TOP - (unsigned long)batch * pages * BENCH_PAGE_SIZE;
    __asm__ volatile("mov %%rsp, %%r8\n\t"
                     "mov %[start], %%rsp\n"
                     "1:\n\t"
                     "sub %[page], %%rsp\n\t"
                     "movb $0, (%%rsp)\n\t"
                     "dec %[pages]\n\t"
                     "jnz 1b\n\t"
                     "mov %%r8, %%rsp"
                     : [pages] "+r"(pages)
                     : [start] "r"(start), [page] "i"(BENCH_PAGE_SIZE)
                     : "r8", "cc", "memory");
}

int main(int argc, char *argv[])
{
    bench_exit_if_asked(argc, argv);
    unsigned long faults = bench_count_absent((const char *)WALK_BOTTOM, STACK_PAGES);
    unsigned long cycles = bench_median_per_page(touch_batch, BATCHES, PAGES_PER_BATCH);
    printf("bench: stack growth: %lu KiB, %d pages, %lu faults, %lu cycles/page "
           "(median of %d batches)\n",
           STACK_PAGES * BENCH_PAGE_SIZE / KIB, STACK_PAGES, faults, cycles, BATCHES);
    return 0;
}
