/* open-bad-ptr: a file name at an unmapped user address ends the
 * process with -1. */
#include "lib.h"

#define BAD_ADDR 0xc0100000

void test_main(void)
{
    msg("open(bad ptr): %d", open((const char *)BAD_ADDR));
    fail("should have exited with -1");
}
