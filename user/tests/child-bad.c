/* child-bad: run by wait-killed; prints one line, then reads address 0,
 * which must make the kernel end it with -1. */
#include "lib.h"

int main(int argc, char *argv[])
{
    (void)argc;
    test_name = argv[0];
    msg("run");
    int *volatile p = NULL;
    msg("read address 0: %d", *p);
    fail("should have exited with -1");
}
