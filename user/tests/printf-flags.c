/* printf-flags: the user library's printf with the flags and lengths test
 * messages use: '#' (0x before nonzero hex, 0 before octal), '-', '0',
 * width, precision, l/ll/z, and a string after them (a conversion the
 * library did not know would shift every later argument). */
#include "lib.h"

void test_main(void)
{
    msg("%#x %#lx %#llx %#X %#o %#x", 255u, 0x1000ul, 0xabcull, 255u, 8u, 0u);
    msg("[%-6d] [%06d] [%6.3d] [%zu] [%s]", 42, -42, 7, (size_t)12, "after");
}
