/* exec-bad-ptr: a command line in kernel space ends the process with -1. */
#include "lib.h"

#define KERNEL_ADDR 0x8004000000

void test_main(void)
{
    exec((const char *)KERNEL_ADDR);
    fail("should have exited with -1");
}
