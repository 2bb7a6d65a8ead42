/* wait-killed: a child the kernel kills has status -1. */
#include "lib.h"

void test_main(void)
{
    CHECK(wait(spawn("child-bad")) == KILLED_STATUS, "wait(exec()) returned -1");
}
