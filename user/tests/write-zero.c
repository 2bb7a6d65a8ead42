/* write-zero: a write of 0 bytes returns 0 and leaves the file empty. */
#include "lib.h"

void test_main(void)
{
    char buf = '&';
    CHECK(create("test.txt", 0), "create \"test.txt\"");
    int fd = open("test.txt");
    CHECK(fd > STDOUT_FILENO, "open \"test.txt\"");
    CHECK(write(fd, &buf, 0) == 0, "write() of 0 bytes returns 0");
    CHECK(filesize(fd) == 0, "file is still empty");
}
