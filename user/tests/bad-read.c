/* bad-read: reading from address 0 is a user
 * fault: the process ends with -1. */
#include "lib.h"

#define BAD_ADDR 0x0

void test_main(void)
{
    int *volatile p = (int *)BAD_ADDR;
    msg("read address 0: %d", *p);
    fail("should have exited with -1");
}
