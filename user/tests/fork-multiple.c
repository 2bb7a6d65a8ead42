/* fork-multiple: several children in turn, each waited for. */
#include "lib.h"

#define N_CHILDREN 4
#define STATUS_BASE 10

void test_main(void)
{
    for (int i = 0; i < N_CHILDREN; i++) {
        pid_t pid = fork("child");
        if (pid == 0) {
            msg("child %d run", i);
            exit(STATUS_BASE + i);
        }
        CHECK(pid > 0 && wait(pid) == STATUS_BASE + i, "wait(child %d) returned %d", i,
              STATUS_BASE + i);
    }
}
