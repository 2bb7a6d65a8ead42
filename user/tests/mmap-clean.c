/* mmap-clean: only dirty pages are written back. A page read through a
 * mapping, then overwritten in the file by write(), is not written back
 * over the newer bytes at munmap. A page written through a mapping is not
 * in the file yet (read() sees the file's own bytes) until munmap writes
 * it back. */
#include "mapped.h"

#define SEED 11

static char buf[PAGE_SIZE];

/* read_page: page 0 of FD through read(). */
static void read_page(int fd)
{
    seek(fd, 0);
    if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
        fail("read failed");
}

void test_main(void)
{
    make_file("coherent.dat", PAGE_SIZE, SEED);
    int fd = open_or_fail("coherent.dat");
    CHECK(mmap(MAP_ADDR, PAGE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap \"coherent.dat\" writable");
    check_pattern(MAP_ADDR, 0, PAGE_SIZE, SEED, "the mapping");
    msg("read its page through the mapping");
    memset(buf, 'w', PAGE_SIZE);
    CHECK(write(fd, buf, PAGE_SIZE) == PAGE_SIZE, "write() a page of 'w' over the file");
    munmap(MAP_ADDR);
    read_page(fd);
    CHECK(buf[0] == 'w' && buf[PAGE_SIZE - 1] == 'w', "after munmap the file still holds the 'w's");
    CHECK(mmap(MAP_ADDR, PAGE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap it again");
    CHECK(MAP_ADDR[0] == 'w', "the mapping reads the 'w's");
    memset(MAP_ADDR, 'm', PAGE_SIZE / 2);
    read_page(fd);
    CHECK(buf[0] == 'w', "after writing 'm's through the mapping, read() still sees 'w'");
    munmap(MAP_ADDR);
    read_page(fd);
    CHECK(buf[0] == 'm' && buf[PAGE_SIZE / 2 - 1] == 'm' && buf[PAGE_SIZE / 2] == 'w',
          "after munmap read() sees the 'm's, and the 'w's after them");
    close(fd);
}
