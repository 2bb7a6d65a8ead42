/* read-zero: a read of 0 bytes returns 0 and leaves the buffer alone. */
#include "lib.h"

void test_main(void)
{
    char buf = '&';
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(read(fd, &buf, 0) == 0, "read() of 0 bytes returns 0");
    CHECK(buf == '&', "buffer unchanged");
}
