/* mmap-twice: the same file mapped twice, through one descriptor and
 * through another, at two addresses: both read its bytes; each is
 * unmapped on its own. */
#include "mapped.h"
#include "sample.h"

void test_main(void)
{
    int fd1 = open_or_fail("sample.txt"), fd2 = open_or_fail("sample.txt");
    CHECK(mmap(MAP_ADDR, SAMPLE_LEN, 0, fd1, 0) == MAP_ADDR, "mmap \"sample.txt\" at %p", MAP_ADDR);
    CHECK(mmap(MAP_ADDR2, SAMPLE_LEN, 0, fd2, 0) == MAP_ADDR2, "mmap it again at %p", MAP_ADDR2);
    CHECK(mmap(MAP_HIGH, SAMPLE_LEN, 0, fd1, 0) == MAP_HIGH, "and through the first fd at %p",
          MAP_HIGH);
    check_bytes(MAP_ADDR, sample, SAMPLE_LEN, "the first mapping");
    check_bytes(MAP_ADDR2, sample, SAMPLE_LEN, "the second mapping");
    check_bytes(MAP_HIGH, sample, SAMPLE_LEN, "the third mapping");
    msg("all three hold the file's bytes");
    munmap(MAP_ADDR2);
    check_bytes(MAP_ADDR, sample, SAMPLE_LEN, "the first mapping");
    check_bytes(MAP_HIGH, sample, SAMPLE_LEN, "the third mapping");
    msg("after one munmap the others still do");
    munmap(MAP_ADDR);
    munmap(MAP_HIGH);
}
