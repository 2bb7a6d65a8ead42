/* stack-bad-far: a function with a local array a bit larger than the 1 MiB
 * stack area moves rsp below the stack limit (USER_STACK - 1 MiB) with one
 * `sub` and writes at rsp: close to rsp, but under the limit, so it is not
 * stack growth and the process ends with -1. The function calls nothing
 * (a call would push below the limit too). */
#include "lib.h"

/* The array: 1 MiB + 64 KiB, so its start is about 64 KiB under the limit
 * whatever the few frames above it hold. */
#define BIG_SIZE ((1 << 20) + (64 << 10))

/* touch_below_limit: write the lowest byte of a BIG_SIZE local; returns
 * its address if that survived. */
static __attribute__((noinline)) uintptr_t touch_below_limit(void)
{
    volatile char big[BIG_SIZE];
    uintptr_t low = (uintptr_t)&big[0];
    big[0] = 1;
    return low;
}

void test_main(void)
{
    uintptr_t addr = touch_below_limit();
    fail("wrote at %#lx, under the stack limit %#lx, and survived", addr,
         USER_STACK - USER_STACK_LIMIT);
}
