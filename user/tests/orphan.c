/* orphan: a child outlives its parent. It keeps running after the parent
 * has exited (and after `run` has returned), exits on its own, and its
 * resources come back: the leak audit waits for it before comparing. */
#include "lib.h"

#define SPIN_ITERATIONS 300000000L /* long enough to outlive the parent */
#define ORPHAN_STATUS 7

void test_main(void)
{
    pid_t pid = fork("orphan-child");
    if (pid == 0) {
        for (volatile long i = 0; i < SPIN_ITERATIONS; i++)
            ;
        msg("the orphan runs on after its parent exited");
        exit(ORPHAN_STATUS);
    }
    CHECK(pid > 0, "fork a child and exit without waiting");
}
