/* open-empty: an empty file name returns -1. */
#include "lib.h"

void test_main(void)
{
    CHECK(open("") == -1, "open \"\" returns -1");
}
