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

static alignas(PAGE_SIZE) volatile char ballast[BALLAST_PAGES * PAGE_SIZE];

/* dirty_ballast: write to every ballast page, so this process owns them. */
static void dirty_ballast(int depth)
{
    for (int i = 0; i < BALLAST_PAGES; i++)
        ballast[i * PAGE_SIZE] = (char)depth;
}

/* dive: fork a chain of processes, each one level deeper, until fork
 * fails; returns (in the calling process) the depth the chain reached.
 * The chain is built by a loop, not by recursion, so every process runs on
 * the same few stack bytes and only memory limits the depth. Every process
 * of the chain below the caller exits with the depth reported from below;
 * a child the kernel killed (out of memory while dirtying its ballast) ends
 * the chain at its parent. */
static int dive(void)
{
    int level = 0; /* this process's depth below the caller */
    int reached;
    for (;;) {
        dirty_ballast(level);
        pid_t pid = fork("oom");
        if (pid == 0) {
            level++;
            continue;
        }
        if (pid == PID_ERROR) {
            reached = level;
            break;
        }
        int status = wait(pid);
        reached = status == KILLED_STATUS ? level : status;
        break;
    }
    if (level > 0)
        exit(reached);
    return reached;
}

int main(int argc, char *argv[])
{
    (void)argc;
    test_name = argv[0];
    msg("begin");
    int first = dive();
    if (first < 1)
        fail("the first round reached depth %d", first);
    for (int round = 1; round < ROUNDS; round++) {
        int depth = dive();
        if (depth != first)
            fail("round %d reached depth %d, round 0 reached %d", round, depth, first);
    }
    msg("%d rounds reached the same depth", ROUNDS);
    msg("end");
    return 0;
}
