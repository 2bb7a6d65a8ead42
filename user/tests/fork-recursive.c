/* fork-recursive: a chain of processes, each the fork child of the one
 * before, each waiting for the next; the deepest status comes back up. */
#include "lib.h"

#define MAX_DEPTH 5
#define NAME_LEN 16

/* descend: in the process at DEPTH, fork the next one and wait for it;
 * returns the depth the chain reached. */
static int descend(int depth)
{
    msg("depth %d", depth);
    if (depth == MAX_DEPTH)
        return depth;
    char name[NAME_LEN];
    snprintf(name, sizeof name, "child-%d", depth + 1);
    pid_t pid = fork(name);
    if (pid == 0)
        exit(descend(depth + 1));
    if (pid == PID_ERROR)
        fail("fork at depth %d failed", depth);
    return wait(pid);
}

void test_main(void)
{
    CHECK(descend(0) == MAX_DEPTH, "the chain reached depth %d", MAX_DEPTH);
}
