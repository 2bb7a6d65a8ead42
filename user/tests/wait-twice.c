/* wait-twice: a child can be waited for only once. */
#include "lib.h"

void test_main(void)
{
    pid_t pid = spawn("child-simple");
    CHECK(wait(pid) == CHILD_SIMPLE_STATUS, "wait(exec()) returned 81");
    CHECK(wait(pid) == -1, "wait(exec()) again returned -1");
}
