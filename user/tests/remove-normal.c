/* remove-normal: a removed file can no longer be opened or removed again. */
#include "lib.h"

void test_main(void)
{
    CHECK(create("doomed.dat", 0), "create \"doomed.dat\"");
    CHECK(remove("doomed.dat"), "remove \"doomed.dat\"");
    CHECK(open("doomed.dat") == -1, "open \"doomed.dat\" after remove fails");
    CHECK(!remove("doomed.dat"), "remove \"doomed.dat\" again fails");
    CHECK(create("doomed.dat", 0), "create \"doomed.dat\" anew");
}
