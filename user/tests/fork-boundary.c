/* fork-boundary: a child name that straddles a page boundary works. */
#include "lib.h"

#define CHILD_STATUS 42

void test_main(void)
{
    pid_t pid = fork(copy_string_across_boundary("child-bound"));
    if (pid == 0) {
        msg("child run");
        exit(CHILD_STATUS);
    }
    CHECK(pid > 0 && wait(pid) == CHILD_STATUS, "wait(child) returned 42");
}
