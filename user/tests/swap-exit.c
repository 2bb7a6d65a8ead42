/* swap-exit: processes exit while most of their pages are in swap, without
 * touching them again. Four rounds; in each, three forked children dirty
 * 768 KiB each at once, under a frame cap of 256 KiB (the spec: -ul=64),
 * and exit. Then the parent does the same and exits. The spec gives a
 * 4 MiB swap: one round needs more than half of it, so a kernel that
 * leaks the swap slots (or frames) of an exiting process runs out in the
 * second round and a child is killed. The leak audit (-audit) checks the
 * end state too. */
#include "lib.h"

#define ROUNDS 4
#define CHILDREN 3
#define ARENA_SIZE (768 * 1024)
#define ARENA_WORDS (ARENA_SIZE / sizeof(uint64_t))
#define CHILD_STATUS 66

static volatile uint64_t arena[ARENA_WORDS];

/* dirty_arena: write every word of arena (no reading back). */
static void dirty_arena(uint64_t seed)
{
    for (size_t i = 0; i < ARENA_WORDS; i++)
        arena[i] = seed ^ i;
}

void test_main(void)
{
    for (int r = 0; r < ROUNDS; r++) {
        pid_t pids[CHILDREN];
        msg("round %d: %d children dirty 768 KiB each and exit", r, CHILDREN);
        for (int c = 0; c < CHILDREN; c++) {
            pids[c] = fork("swap-child");
            if (pids[c] == 0) {
                dirty_arena((uint64_t)(r * CHILDREN + c) << 40);
                exit(CHILD_STATUS);
            }
            if (pids[c] == PID_ERROR)
                fail("fork failed in round %d", r);
        }
        for (int c = 0; c < CHILDREN; c++) {
            int status = wait(pids[c]);
            if (status != CHILD_STATUS)
                fail("round %d: child %d exited with %d", r, c, status);
        }
    }
    msg("every child exited with %d", CHILD_STATUS);
    msg("the parent dirties 768 KiB and exits");
    dirty_arena(0);
}
