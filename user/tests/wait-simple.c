/* wait-simple: wait returns the status a child exits with. */
#include "lib.h"

void test_main(void)
{
    CHECK(wait(spawn("child-simple")) == CHILD_SIMPLE_STATUS, "wait(exec()) returned 81");
}
