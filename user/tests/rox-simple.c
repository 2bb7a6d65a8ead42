/* rox-simple: a running program cannot write its own executable. */
#include "lib.h"

void test_main(void)
{
    char byte;
    int fd = open("rox-simple");
    CHECK(fd > STDOUT_FILENO, "open \"rox-simple\"");
    CHECK(read(fd, &byte, 1) == 1, "read \"rox-simple\"");
    seek(fd, 0);
    CHECK(write(fd, &byte, 1) == 0, "try to write \"rox-simple\"");
}
