/* create-empty: an empty file name fails cleanly (or the kernel
 * ends the process). */
#include "lib.h"

void test_main(void)
{
    msg("create(\"\"): %d", create("", 0));
}
