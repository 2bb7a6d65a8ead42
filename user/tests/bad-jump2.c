/* bad-jump2: jumping to kernel space (0x8004000000) is a user
 * fault: the process ends with -1. */
#include "lib.h"

#define BAD_ADDR 0x8004000000

void test_main(void)
{
    void (*volatile fn)(void) = (void (*)(void))BAD_ADDR;
    fn();
    fail("should have exited with -1");
}
