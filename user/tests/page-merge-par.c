/* page-merge-par: like page-merge-seq, but the eight child-sort processes
 * run at once, each with its 128 KiB buffer: together they need more
 * frames than the cap and evict one another (see merge.h). */
#include "merge.h"

#define CHILD_SORT_STATUS 123

void test_main(void)
{
    merge_init();
    sort_in_parallel("child-sort", CHILD_SORT_STATUS);
    merge();
    verify();
}
