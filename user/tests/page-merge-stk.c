/* page-merge-stk: like page-merge-par, with child-qsort, which reads its
 * chunk into a 128 KiB buffer on its stack (grown inside read()) and sorts
 * it there with a recursive quicksort: eight processes at once with big
 * stacks, under a frame cap smaller than all of them (see merge.h). */
#include "merge.h"

#define CHILD_QSORT_STATUS 72

void test_main(void)
{
    merge_init();
    sort_in_parallel("child-qsort", CHILD_QSORT_STATUS);
    merge();
    verify();
}
