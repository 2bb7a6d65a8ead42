/* pt-write-code: writing to the program's own code (read-only text) is a
 * user fault: the process ends with -1. */
#include "lib.h"

void test_main(void)
{
    *(volatile int *)(uintptr_t)test_main = 0;
    fail("writing the code segment succeeded");
}
