/* page-merge-mm: page-merge-par with child-sort-mm, which sorts each chunk
 * through a writable mapping of its file: eight processes map and sort
 * their files at once, under a frame cap, and exit without munmap. */
#include "merge.h"

#define CHILD_SORT_STATUS 123

void test_main(void)
{
    merge_init();
    sort_in_parallel("child-sort-mm", CHILD_SORT_STATUS);
    merge();
    verify();
}
