/* bad-read2: reading from kernel space (0x8004000000) is a user
 * fault: the process ends with -1. */
#include "lib.h"

#define BAD_ADDR 0x8004000000

void test_main(void)
{
    int *volatile p = (int *)BAD_ADDR;
    msg("read kernel space (0x8004000000): %d", *p);
    fail("should have exited with -1");
}
