/* mmap-write: a file of 3 pages and 123 bytes, mapped writable. Pages 0,
 * 2 and 3 are written through the mapping (page 3 entirely: also its
 * bytes past the end of the file); page 1 is only read. After munmap, the
 * file (through read(), and on the host) holds the written bytes in pages
 * 0 and 2 and in the 123 bytes of page 3, zeros in page 1, and is exactly
 * as long as before: the tail past the end was not written. */
#include "mapped.h"

#define FILE_SIZE (3 * PAGE_SIZE + 123)
#define SEED 5

static char expected[FILE_SIZE];

void test_main(void)
{
    CHECK(create("written.dat", FILE_SIZE), "create \"written.dat\" (%d zero bytes)", FILE_SIZE);
    int fd = open_or_fail("written.dat");
    CHECK(mmap(MAP_ADDR, FILE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap it writable");
    check_zero(MAP_ADDR + PAGE_SIZE, PAGE_SIZE, "page 1");
    msg("page 1 reads as zeros");
    for (int page = 0; page < 4; page++) {
        if (page == 1)
            continue;
        for (size_t i = 0; i < PAGE_SIZE; i++)
            MAP_ADDR[page * PAGE_SIZE + i] = (char)pattern_byte(page * PAGE_SIZE + i, SEED);
    }
    msg("write pages 0, 2 and 3 through the mapping");
    munmap(MAP_ADDR);
    msg("munmap");
    CHECK(filesize(fd) == FILE_SIZE, "the file is still %d bytes long", FILE_SIZE);
    close(fd);
    for (size_t i = 0; i < FILE_SIZE; i++)
        expected[i] = i / PAGE_SIZE == 1 ? 0 : (char)pattern_byte(i, SEED);
    check_file("written.dat", expected, FILE_SIZE);
}
