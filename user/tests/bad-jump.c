/* bad-jump: jumping to address 0 is a user
 * fault: the process ends with -1. */
#include "lib.h"

#define BAD_ADDR 0x0

void test_main(void)
{
    void (*volatile fn)(void) = (void (*)(void))BAD_ADDR;
    fn();
    fail("should have exited with -1");
}
