/* read-bad-ptr: reading into an unmapped user buffer ends the process
 * with -1. */
#include "lib.h"

#define BAD_ADDR 0xc0100000
#define READ_SIZE 123

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    read(fd, (void *)BAD_ADDR, READ_SIZE);
    fail("should have exited with -1");
}
