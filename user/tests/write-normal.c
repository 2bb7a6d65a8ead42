/* write-normal: write a file and read it back. */
#include "lib.h"
#include "sample.h"

void test_main(void)
{
    CHECK(create("test.txt", SAMPLE_LEN), "create \"test.txt\"");
    int fd = open("test.txt");
    CHECK(fd > STDOUT_FILENO, "open \"test.txt\"");
    CHECK(write(fd, sample, SAMPLE_LEN) == (int)SAMPLE_LEN, "write \"test.txt\"");
    close(fd);
    check_file("test.txt", sample, SAMPLE_LEN);
}
