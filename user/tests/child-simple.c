/* child-simple: run by the exec and wait tests; prints one line and exits
 * with CHILD_SIMPLE_STATUS. */
#include "lib.h"

int main(int argc, char *argv[])
{
    (void)argc;
    test_name = argv[0];
    msg("run");
    return CHILD_SIMPLE_STATUS;
}
