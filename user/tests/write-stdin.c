/* write-stdin: writing to standard input returns -1 or ends the process
 * with -1. */
#include "lib.h"

void test_main(void)
{
    static const char buf[] = "never shown";
    CHECK(write(STDIN_FILENO, buf, sizeof buf - 1) == -1, "write(stdin) returns -1");
}
