/* pt-grow-stk-sc: a system call gets a buffer on stack pages that have not
 * grown yet: 32 KiB into a 64 KiB local array, above rsp, never touched.
 * The kernel must grow the stack for a fault it takes on the user's
 * behalf, judging by the rsp saved at syscall entry (PintOS's test). */
#include "lib.h"
#include "sample.h"

#define BUF_SIZE 65536
#define BUF_OFFSET 32768

void test_main(void)
{
    char buf[BUF_SIZE];
    int fd;
    CHECK(create("sample.txt", SAMPLE_LEN), "create \"sample.txt\"");
    CHECK((fd = open("sample.txt")) > 1, "open \"sample.txt\"");
    CHECK(write(fd, sample, SAMPLE_LEN) == (int)SAMPLE_LEN, "write \"sample.txt\"");
    close(fd);
    CHECK((fd = open("sample.txt")) > 1, "2nd open \"sample.txt\"");
    CHECK(read(fd, buf + BUF_OFFSET, SAMPLE_LEN) == (int)SAMPLE_LEN, "read \"sample.txt\"");
    CHECK(!memcmp(sample, buf + BUF_OFFSET, SAMPLE_LEN), "compare written data against read data");
    close(fd);
}
