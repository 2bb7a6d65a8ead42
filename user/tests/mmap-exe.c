/* mmap-exe: an executable being run is read-only (ABI.md: writes to it
 * return 0), through a mapping too: the test maps its own executable
 * writable and writes over its ELF header; at munmap the kernel refuses
 * the write-back with a message, and the file is unchanged. */
#include "mapped.h"

void test_main(void)
{
    static char head[4];
    int fd = open_or_fail("mmap-exe");
    CHECK(mmap(MAP_ADDR, PAGE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap its own executable writable");
    CHECK(MAP_ADDR[1] == 'E' && MAP_ADDR[2] == 'L' && MAP_ADDR[3] == 'F',
          "it reads the ELF header");
    memcpy(MAP_ADDR, "JUNK", 4);
    CHECK(memcmp(MAP_ADDR, "JUNK", 4) == 0, "a write over it reads back");
    munmap(MAP_ADDR);
    if (read(fd, head, sizeof head) != (int)sizeof head)
        fail("read failed");
    CHECK(memcmp(head, "\177ELF", 4) == 0, "after munmap the file still starts with the ELF magic");
}
