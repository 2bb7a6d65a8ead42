/* open-normal: open an existing file. */
#include "lib.h"

void test_main(void)
{
    CHECK(open("sample.txt") > STDOUT_FILENO, "open \"sample.txt\"");
}
