/* multi-oom: fork recursively until the kernel refuses (fork returns
 * PID_ERROR), ROUNDS times. Every process dirties BALLAST_PAGES pages of
 * its own so memory runs out at a modest depth. The deepest process exits
 * with its depth and every parent passes its child's status on, so each
 * round yields the depth it reached. All rounds must reach the same depth:
 * a kernel that leaks memory when processes exit, or that fails a fork
 * without cleaning up, falls short in later rounds. The depth itself
 * depends on the machine and is not printed (nor checked). */
#include "lib.h"

#include <stdalign.h>

#define ROUNDS 10
#define BALLAST_PAGES 16

static alignas(PAGE_SIZE) char ballast[BALLAST_PAGES * PAGE_SIZE];

/* dirty_ballast: write to every ballast page, so this process owns them. */
static void dirty_ballast(int depth)
{
    for (int i = 0; i < BALLAST_PAGES; i++)
        ballast[i * PAGE_SIZE] = (char)depth;
}

/* dive: in the process at DEPTH, fork deeper until fork fails; returns
 * the depth the chain reached. A child the kernel killed (out of memory
 * and swap while dirtying its ballast) also ends the chain. */
static int dive(int depth)
{
    dirty_ballast(depth);
    pid_t pid = fork("oom");
    if (pid == PID_ERROR)
        return depth;
    if (pid == 0)
        exit(dive(depth + 1));
    int status = wait(pid);
    return status == KILLED_STATUS ? depth : status;
}

int main(int argc, char *argv[])
{
    (void)argc;
    test_name = argv[0];
    msg("begin");
    int first = dive(0);
    if (first < 1)
        fail("the first round reached depth %d", first);
    for (int round = 1; round < ROUNDS; round++) {
        int depth = dive(0);
        if (depth != first)
            fail("round %d reached depth %d, round 0 reached %d", round, depth, first);
    }
    msg("%d rounds reached the same depth", ROUNDS);
    msg("end");
    return 0;
}
