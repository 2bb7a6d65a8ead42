/* child-close FD: run by multi-child-fd; closes descriptor FD, which it
 * inherited from its parent through fork and exec. */
#include "lib.h"

int main(int argc, char *argv[])
{
    test_name = argv[0];
    if (argc != 2)
        fail("usage: child-close FD");
    close(atoi(argv[1]));
    msg("closed the inherited descriptor");
    return 0;
}
