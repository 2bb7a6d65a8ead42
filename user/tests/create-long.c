/* create-long: a 512-character file name fails cleanly. */
#include "lib.h"

#define LONG_NAME_LEN 512

void test_main(void)
{
    static char name[LONG_NAME_LEN + 1];
    memset(name, 'x', LONG_NAME_LEN);
    CHECK(!create(name, 0), "create(512-character name) fails");
    CHECK(open(name) == -1, "open(512-character name) fails");
}
