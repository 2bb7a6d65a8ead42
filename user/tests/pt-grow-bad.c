/* pt-grow-bad: a read 64 KiB below rsp, inside the 1 MiB stack area but
 * on a page nothing has touched, is not stack growth (only faults at or
 * above rsp - 8 are): the process ends with -1. PintOS reads 4 KiB below
 * rsp; 64 KiB keeps the page clear of anything the deeper calls before
 * this one (printf) may have touched. */
#include "lib.h"

void test_main(void)
{
    __asm__ volatile("movq -0x10000(%%rsp), %%rax" : : : "rax", "memory");
    fail("read 64 KiB below rsp and survived");
}
