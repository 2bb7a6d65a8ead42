/* open-missing: opening a file that does not exist returns -1. */
#include "lib.h"

void test_main(void)
{
    CHECK(open("no-such-file") == -1, "open \"no-such-file\" returns -1");
}
