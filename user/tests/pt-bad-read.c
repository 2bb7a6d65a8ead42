/* pt-bad-read: read() into a buffer on an untouched stack page 64 KiB
 * below a local: not stack growth (the rsp saved at syscall entry decides), so
 * the buffer is bad and the process ends with -1. PintOS uses 4 KiB below
 * a local; 64 KiB keeps the page clear of what printf touched. */
#include "lib.h"

#define FAR_BELOW 0x10000

void test_main(void)
{
    int fd;
    CHECK((fd = open("sample.txt")) > 1, "open \"sample.txt\"");
    read(fd, (char *)&fd - FAR_BELOW, 1);
    fail("survived reading data into bad address");
}
