/* seek-tell: tell follows writes and seeks; reads start at the position
 * seek set; a read past the end returns 0. */
#include "lib.h"
#include "sample.h"

#define SEEK_POS 10
#define READ_LEN 5
#define PAST_END (SAMPLE_LEN + 100)

void test_main(void)
{
    char buf[READ_LEN];
    CHECK(create("seek.dat", 0), "create \"seek.dat\"");
    int fd = open("seek.dat");
    CHECK(fd > STDOUT_FILENO, "open \"seek.dat\"");
    CHECK(tell(fd) == 0, "tell() of a new descriptor is 0");
    CHECK(write(fd, sample, SAMPLE_LEN) == (int)SAMPLE_LEN, "write the sample");
    CHECK(tell(fd) == SAMPLE_LEN, "tell() after the write is the file length");
    seek(fd, SEEK_POS);
    CHECK(tell(fd) == SEEK_POS, "tell() after seek(10) is 10");
    CHECK(read(fd, buf, READ_LEN) == READ_LEN, "read 5 bytes at offset 10");
    check_bytes(buf, sample + SEEK_POS, READ_LEN, "bytes 10-14");
    seek(fd, PAST_END);
    CHECK(read(fd, buf, READ_LEN) == 0, "read past the end returns 0");
    CHECK(tell(fd) == PAST_END, "tell() after seeking past the end");
}
