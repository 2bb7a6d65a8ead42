/* mmap-off: a mapping at a non-zero offset: pages 2 and 3 of a 5-page
 * file mapped at MAP_ADDR read those pages; a write to the first mapped
 * page lands, after munmap, at file offset 2 pages, and nothing else of
 * the file changes (read() and the host check). */
#include "mapped.h"

#define FILE_PAGES 5
#define FILE_SIZE (FILE_PAGES * PAGE_SIZE)
#define MAP_OFFSET (2 * PAGE_SIZE)
#define SEED 3
#define MARK "written at offset 8192 through the mapping"

static char expected[FILE_SIZE];

void test_main(void)
{
    make_file("offset.dat", FILE_SIZE, SEED);
    int fd = open_or_fail("offset.dat");
    CHECK(mmap(MAP_ADDR, 2 * PAGE_SIZE, 1, fd, MAP_OFFSET) == MAP_ADDR, "mmap 2 pages at offset %d",
          MAP_OFFSET);
    check_pattern(MAP_ADDR, MAP_OFFSET, 2 * PAGE_SIZE, SEED, "the mapping");
    msg("it holds the file's bytes from that offset");
    memcpy(MAP_ADDR, MARK, sizeof MARK);
    munmap(MAP_ADDR);
    msg("write to its first page, munmap");
    close(fd);
    for (size_t i = 0; i < FILE_SIZE; i++)
        expected[i] = (char)pattern_byte(i, SEED);
    memcpy(expected + MAP_OFFSET, MARK, sizeof MARK);
    check_file("offset.dat", expected, FILE_SIZE);
}
