/* exec-arg: exec passes the arguments of the command line. */
#include "lib.h"

void test_main(void)
{
    pid_t pid = spawn("child-args childarg");
    CHECK(wait(pid) == 0, "wait(exec()) returned 0");
}
