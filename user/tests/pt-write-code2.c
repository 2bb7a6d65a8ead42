/* pt-write-code2: read() from a file into the program's own code page: the
 * kernel must not write read-only text on the user's behalf; the process
 * ends with -1. */
#include "lib.h"

void test_main(void)
{
    int fd;
    CHECK((fd = open("sample.txt")) > 1, "open \"sample.txt\"");
    read(fd, (void *)(uintptr_t)test_main, 1);
    fail("survived reading data into code segment");
}
