/* page-parallel: four child-linear processes at once, each walking its own
 * 1 MiB array three times, under a frame cap smaller than any one of them
 * (the specs give -ul=64 and -ul=32): the processes evict each other's
 * pages. Every child must exit with 0x42. The parent prints nothing while
 * the children run, so the transcript does not depend on the schedule
 * (their exit lines are identical). */
#include "lib.h"

#define CHILD_CNT 4
#define CHILD_LINEAR_STATUS 0x42
#define CMD_LEN 32

void test_main(void)
{
    pid_t children[CHILD_CNT];
    msg("start %d child-linear processes", CHILD_CNT);
    for (int i = 0; i < CHILD_CNT; i++) {
        char cmd[CMD_LEN];
        snprintf(cmd, sizeof cmd, "child-linear key%d", i);
        children[i] = spawn(cmd);
    }
    int bad = -1, status = 0;
    for (int i = 0; i < CHILD_CNT; i++) {
        int s = wait(children[i]);
        if (s != CHILD_LINEAR_STATUS && bad < 0) {
            bad = i;
            status = s;
        }
    }
    if (bad >= 0)
        fail("child %d exited with %d instead of %d", bad, status, CHILD_LINEAR_STATUS);
    msg("all %d children exited with %d", CHILD_CNT, CHILD_LINEAR_STATUS);
}
