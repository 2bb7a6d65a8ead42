/* wait-bad-pid: waiting for a pid that is not a child returns -1. */
#include "lib.h"

#define BAD_PID ((pid_t)0x0c020301)

void test_main(void)
{
    CHECK(wait(BAD_PID) == -1, "wait(bad pid) returned -1");
}
