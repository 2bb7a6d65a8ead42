/* mmap-read: sample.txt mapped read-only is read lazily: its page is not
 * resident until touched, then holds the file's bytes and zeros past the
 * end of the file; munmap returns, and the file reads the same through
 * read() afterwards. A second mapping above the stack works too. */
#include "mapped.h"
#include "sample.h"

void test_main(void)
{
    int fd = open_or_fail("sample.txt");
    CHECK(mmap(MAP_ADDR, SAMPLE_LEN, 0, fd, 0) == MAP_ADDR, "mmap \"sample.txt\" at %p", MAP_ADDR);
    CHECK(get_phys_addr(MAP_ADDR) == 0, "its page is not resident before it is touched");
    check_bytes(MAP_ADDR, sample, SAMPLE_LEN, "the mapping");
    msg("the mapping holds the file's bytes");
    check_zero(MAP_ADDR + SAMPLE_LEN, PAGE_SIZE - SAMPLE_LEN, "the tail of the page");
    msg("the rest of the page reads as zeros");
    CHECK(get_phys_addr(MAP_ADDR) != 0, "now its page is resident");
    CHECK(mmap(MAP_HIGH, SAMPLE_LEN, 0, fd, 0) == MAP_HIGH, "mmap it again at %p", MAP_HIGH);
    check_bytes(MAP_HIGH, sample, SAMPLE_LEN, "the second mapping");
    msg("the second mapping holds the same bytes");
    munmap(MAP_ADDR);
    munmap(MAP_HIGH);
    msg("munmap both");
    close(fd);
    check_file("sample.txt", sample, SAMPLE_LEN);
}
