/* create-bad-ptr: a file name at an unmapped user address ends the
 * process with -1. */
#include "lib.h"

#define BAD_ADDR 0x10123420

void test_main(void)
{
    msg("create(bad ptr): %d", create((const char *)BAD_ADDR, 0));
    fail("should have exited with -1");
}
