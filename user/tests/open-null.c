/* open-null: a NULL file name ends the process with -1. */
#include "lib.h"

void test_main(void)
{
    msg("open(NULL): %d", open(NULL));
    fail("should have exited with -1");
}
