/* read-boundary: read into a buffer that straddles a page boundary. */
#include "lib.h"
#include "sample.h"

void test_main(void)
{
    char *buf = get_boundary_area() - SAMPLE_LEN / 2;
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(read(fd, buf, SAMPLE_LEN) == (int)SAMPLE_LEN,
          "read \"sample.txt\" across a page boundary");
    check_bytes(buf, sample, SAMPLE_LEN, "sample.txt");
    msg("verified contents");
}
