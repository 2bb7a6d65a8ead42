/* open-boundary: a file name that straddles a page boundary works. */
#include "lib.h"

void test_main(void)
{
    const char *name = copy_string_across_boundary("sample.txt");
    CHECK(open(name) > STDOUT_FILENO, "open \"sample.txt\" across a page boundary");
}
