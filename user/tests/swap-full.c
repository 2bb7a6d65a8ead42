/* swap-full: memory runs out. With a 1 MiB swap and a 256 KiB frame cap
 * (the spec: swap: 1M, -ul=64), a child ("hog") writes 4 MiB: more than
 * frames and swap together. The kernel must kill it (exit -1; the parent's
 * wait returns -1) and go on. Then a child ("mid") that writes and checks
 * 640 KiB, more than the cap but within swap, must still work (the hog's
 * frames and slots came back), and so must a small exec'd child. */
#include "lib.h"

#define HOG_SIZE (4 * 1024 * 1024)
#define MID_SIZE (640 * 1024)
#define MID_STATUS 0
#define HOG_STATUS 1

static uint64_t arena[HOG_SIZE / sizeof(uint64_t)];

/* fill_and_check: write the first SIZE bytes of arena, then read them
 * back; exits with TEST_FAIL_STATUS on a mismatch. */
static void fill_and_check(size_t size)
{
    size_t words = size / sizeof(uint64_t);
    for (size_t i = 0; i < words; i++)
        arena[i] = i * 3 + 1;
    for (size_t i = 0; i < words; i++) {
        if (arena[i] != i * 3 + 1)
            fail("word %zu is %#lx instead of %#lx", i, arena[i], i * 3 + 1);
    }
}

/* run_child: fork a child NAME that fills SIZE bytes and exits with
 * STATUS; returns what wait() says. */
static int run_child(const char *name, size_t size, int status)
{
    pid_t pid = fork(name);
    if (pid == 0) {
        fill_and_check(size);
        exit(status);
    }
    if (pid == PID_ERROR)
        fail("fork(\"%s\") failed", name);
    return wait(pid);
}

void test_main(void)
{
    CHECK(run_child("hog", HOG_SIZE, HOG_STATUS) == KILLED_STATUS,
          "a child that needs more than RAM and swap is killed");
    CHECK(run_child("mid", MID_SIZE, MID_STATUS) == MID_STATUS,
          "a child that needs 640 KiB still runs");
    CHECK(wait(spawn("child-simple")) == CHILD_SIMPLE_STATUS,
          "a child that needs little memory runs");
}
