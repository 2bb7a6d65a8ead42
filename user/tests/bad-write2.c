/* bad-write2: writing to kernel space (0x8004000000) is a user
 * fault: the process ends with -1. */
#include "lib.h"

#define BAD_ADDR 0x8004000000
#define VALUE 42

void test_main(void)
{
    int *volatile p = (int *)BAD_ADDR;
    *p = VALUE;
    fail("should have exited with -1");
}
