/* create-null: a NULL file name ends the process with -1. */
#include "lib.h"

void test_main(void)
{
    msg("create(NULL): %d", create(NULL, 0));
    fail("should have exited with -1");
}
