/* exec-once: a child execs child-simple, which runs and exits with 81. */
#include "lib.h"

void test_main(void)
{
    msg("I'm your father");
    pid_t pid = spawn("child-simple");
    CHECK(wait(pid) == CHILD_SIMPLE_STATUS, "wait(exec()) returned 81");
}
