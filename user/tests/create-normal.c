/* create-normal: create an ordinary empty file. */
#include "lib.h"

void test_main(void)
{
    CHECK(create("quux.dat", 0), "create quux.dat");
}
