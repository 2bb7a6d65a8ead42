/* read-stdout: reading from standard output returns -1 or ends the
 * process with -1. */
#include "lib.h"

#define READ_SIZE 16

void test_main(void)
{
    char buf[READ_SIZE];
    CHECK(read(STDOUT_FILENO, buf, sizeof buf) == -1, "read(stdout) returns -1");
}
