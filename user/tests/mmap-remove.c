/* mmap-remove: a mapping outlives close() and remove() of its file: after
 * both it still reads the file's bytes and takes writes; once unmapped,
 * the file is gone (its blocks are freed: the host's e2fsck checks). */
#include "mapped.h"

#define FILE_SIZE (2 * PAGE_SIZE + 1000)
#define SEED 9

void test_main(void)
{
    make_file("doomed.dat", FILE_SIZE, SEED);
    int fd = open_or_fail("doomed.dat");
    CHECK(mmap(MAP_ADDR, FILE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap \"doomed.dat\" writable");
    close(fd);
    msg("close it");
    CHECK(remove("doomed.dat"), "remove it");
    CHECK(open("doomed.dat") < 0, "it cannot be opened any more");
    check_pattern(MAP_ADDR, 0, FILE_SIZE, SEED, "the mapping");
    msg("the mapping still holds the file's bytes");
    for (size_t i = 0; i < FILE_SIZE; i += 100)
        MAP_ADDR[i] = 'x';
    msg("write through the mapping");
    CHECK(MAP_ADDR[0] == 'x' && MAP_ADDR[(FILE_SIZE - 1) / 100 * 100] == 'x',
          "the writes read back");
    munmap(MAP_ADDR);
    msg("munmap");
}
