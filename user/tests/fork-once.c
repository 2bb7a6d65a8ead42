/* fork-once: a child made by fork runs and its parent waits for its status. */
#include "lib.h"

#define CHILD_STATUS 81

void test_main(void)
{
    msg("I'm your father");
    pid_t pid = fork("child");
    if (pid == 0) {
        msg("child run");
        exit(CHILD_STATUS);
    }
    CHECK(pid > 0, "fork() returned a pid");
    CHECK(wait(pid) == CHILD_STATUS, "wait(child) returned 81");
}
