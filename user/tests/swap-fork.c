/* swap-fork: a process whose 2 MiB array is mostly in swap (the spec
 * gives -ul=64: 256 KiB) forks. The child must see the parent's data in
 * every page, swapped out or not, then rewrites its whole copy and checks
 * it; the parent, after the child exits, must find its own copy
 * unchanged. The copy of an address space that is partly in swap, and
 * the separation of the two copies afterwards (copy-on-write or not). */
#include "lib.h"

#define SIZE (2 * 1024 * 1024)
#define WORDS (SIZE / sizeof(uint64_t))
#define PARENT_PATTERN 0x1111000000000000ull
#define CHILD_PATTERN 0x2222000000000000ull
#define CHILD_STATUS 42

static uint64_t buf[WORDS];

/* check: fail unless buf holds PATTERN ^ index; WHO names the copy. */
static void check(uint64_t pattern, const char *who)
{
    for (size_t i = 0; i < WORDS; i++) {
        if (buf[i] != (pattern ^ i))
            fail("%s: word %zu is %#lx instead of %#lx", who, i, buf[i], pattern ^ i);
    }
}

/* fill: store PATTERN ^ index in every word of buf. */
static void fill(uint64_t pattern)
{
    for (size_t i = 0; i < WORDS; i++)
        buf[i] = pattern ^ i;
}

void test_main(void)
{
    fill(PARENT_PATTERN);
    msg("parent filled 2 MiB");
    pid_t pid = fork("swap-child");
    if (pid == 0) {
        check(PARENT_PATTERN, "child");
        msg("child sees the parent's data");
        fill(CHILD_PATTERN);
        check(CHILD_PATTERN, "child");
        msg("child rewrote its copy");
        exit(CHILD_STATUS);
    }
    if (pid == PID_ERROR)
        fail("fork failed");
    CHECK(wait(pid) == CHILD_STATUS, "wait for the child");
    check(PARENT_PATTERN, "parent");
    msg("parent's copy is unchanged");
}
