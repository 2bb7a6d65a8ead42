/* exec-boundary: a command line that straddles a page boundary works. */
#include "lib.h"

void test_main(void)
{
    pid_t pid = spawn(copy_string_across_boundary("child-simple"));
    CHECK(wait(pid) == CHILD_SIMPLE_STATUS, "wait(exec()) returned 81");
}
