/* pt-bad-addr: reading 0x04000000, far from text, data and stack and
 * never mapped, is a user fault: the process ends with -1. */
#include "lib.h"

#define BAD_ADDR 0x04000000

void test_main(void)
{
    fail("bad addr read as %d", *(volatile int *)BAD_ADDR);
}
