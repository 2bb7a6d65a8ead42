/* stack-near-lim: the other side of stack-bad-far: a 960 KiB local array
 * reaches to within 64 KiB of the stack limit (USER_STACK - 1 MiB); its
 * lowest byte is written first (a fault at rsp, 240 pages under the last
 * grown page), then every page is written and read back. Run with a small
 * frame cap, so stack pages are evicted and come back too. */
#include "lib.h"

#define BIG_SIZE (960 << 10)
#define WORDS (BIG_SIZE / sizeof(uint64_t))

/* pattern: the word stored at index I. */
static uint64_t pattern(size_t i)
{
    return i * 0x9e3779b97f4a7c15ull + 1;
}

/* fill_and_check: fill a BIG_SIZE local array from its lowest byte up and
 * verify it; returns the address of its lowest byte. */
static __attribute__((noinline)) uintptr_t fill_and_check(void)
{
    volatile uint64_t big[WORDS];
    big[0] = pattern(0);
    for (size_t i = 1; i < WORDS; i++)
        big[i] = pattern(i);
    for (size_t i = 0; i < WORDS; i++) {
        if (big[i] != pattern(i))
            fail("word %zu of the array is %#lx instead of %#lx", i, big[i], pattern(i));
    }
    uintptr_t low = (uintptr_t)&big[0];
    return low;
}

void test_main(void)
{
    uintptr_t low = fill_and_check();
    if (low < USER_STACK - USER_STACK_LIMIT)
        fail("the array starts at %#lx, under the stack limit", low);
    msg("filled and verified a 960 KiB local array");
}
