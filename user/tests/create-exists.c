/* create-exists: creating a name that already exists fails, others work. */
#include "lib.h"

void test_main(void)
{
    CHECK(create("quux.dat", 0), "create quux.dat");
    CHECK(create("warble.dat", 0), "create warble.dat");
    CHECK(!create("quux.dat", 0), "try to re-create quux.dat");
    CHECK(create("baffle.dat", 0), "create baffle.dat");
    CHECK(!create("warble.dat", 0), "try to re-create warble.dat");
    CHECK(create("fizzle.dat", 0), "create fizzle.dat");
}
