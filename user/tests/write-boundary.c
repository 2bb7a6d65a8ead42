/* write-boundary: write from a buffer that straddles a page boundary. */
#include "lib.h"
#include "sample.h"

void test_main(void)
{
    char *buf = get_boundary_area() - SAMPLE_LEN / 2;
    memcpy(buf, sample, SAMPLE_LEN);
    CHECK(create("test.txt", 0), "create \"test.txt\"");
    int fd = open("test.txt");
    CHECK(fd > STDOUT_FILENO, "open \"test.txt\"");
    CHECK(write(fd, buf, SAMPLE_LEN) == (int)SAMPLE_LEN, "write across a page boundary");
    close(fd);
    check_file("test.txt", sample, SAMPLE_LEN);
}
