/* write-bad-ptr: writing from an unmapped user buffer ends the process
 * with -1. */
#include "lib.h"

#define BAD_ADDR 0x10123420
#define WRITE_SIZE 123

void test_main(void)
{
    CHECK(create("test.txt", 0), "create \"test.txt\"");
    int fd = open("test.txt");
    CHECK(fd > STDOUT_FILENO, "open \"test.txt\"");
    write(fd, (const void *)BAD_ADDR, WRITE_SIZE);
    fail("should have exited with -1");
}
