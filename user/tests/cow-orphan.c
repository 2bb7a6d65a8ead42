/* cow-orphan: a parent exits while its child still shares its pages
 * (copy-on-write; under a small -ul cap many of them in swap, in slots the
 * two share). The child, running on after the parent is gone, finds the
 * parent's bytes, rewrites them and checks them; then everything (frames,
 * slots) comes back: the leak audit waits for the child. */
#include "lib.h"

#include <stdalign.h>

#define PAGES 128
#define WORDS (PAGES * PAGE_SIZE / sizeof(uint64_t))
#define SPIN_ITERATIONS 300000000L /* long enough to outlive the parent */
#define PARENT_PATTERN 0x4444000000000000ull
#define CHILD_PATTERN 0x5555000000000000ull
#define CHILD_STATUS 9

static alignas(PAGE_SIZE) uint64_t buf[WORDS];

/* holds: whether buf holds PATTERN ^ index. */
static bool holds(uint64_t pattern)
{
    for (size_t i = 0; i < WORDS; i++) {
        if (buf[i] != (pattern ^ i))
            return false;
    }
    return true;
}

void test_main(void)
{
    for (size_t i = 0; i < WORDS; i++)
        buf[i] = PARENT_PATTERN ^ i;
    pid_t pid = fork("cow-orphan-kid");
    if (pid == 0) {
        for (volatile long i = 0; i < SPIN_ITERATIONS; i++)
            ;
        CHECK(holds(PARENT_PATTERN), "the child sees the pages of its exited parent");
        for (size_t i = 0; i < WORDS; i++)
            buf[i] = CHILD_PATTERN ^ i;
        CHECK(holds(CHILD_PATTERN), "the child rewrote them");
        exit(CHILD_STATUS);
    }
    CHECK(pid > 0, "fork a child sharing 512 KiB and exit without waiting");
}
