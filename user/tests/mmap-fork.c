/* mmap-fork: fork copies the mappings. The child sees what the parent
 * wrote through its mapping (not yet in the file) and the file's bytes in
 * the pages the parent never wrote; what the child writes and unmaps does
 * not change the parent's mapping, whose writes reach the file at its own
 * munmap. */
#include "mapped.h"

#define FILE_SIZE (3 * PAGE_SIZE)
#define SEED 13
#define CHILD_STATUS 42

/* child: the forked child's part. */
static void child(void)
{
    CHECK(all_bytes(MAP_ADDR, PAGE_SIZE, 'P'), "child: page 0 holds the parent's 'P's");
    check_pattern(MAP_ADDR + PAGE_SIZE, PAGE_SIZE, 2 * PAGE_SIZE, SEED, "child: pages 1-2");
    msg("child: pages 1 and 2 hold the file's bytes");
    memset(MAP_ADDR, 'C', PAGE_SIZE);
    memset(MAP_ADDR + 2 * PAGE_SIZE, 'C', PAGE_SIZE);
    munmap(MAP_ADDR);
    msg("child: wrote 'C's over pages 0 and 2, munmap");
    exit(CHILD_STATUS);
}

void test_main(void)
{
    static char buf[PAGE_SIZE];
    make_file("fork.dat", FILE_SIZE, SEED);
    int fd = open_or_fail("fork.dat");
    CHECK(mmap(MAP_ADDR, FILE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap \"fork.dat\" writable");
    memset(MAP_ADDR, 'P', PAGE_SIZE);
    check_pattern(MAP_ADDR + PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, SEED, "page 1");
    msg("write 'P's over page 0, read page 1");
    pid_t pid = fork("child");
    if (pid == 0)
        child();
    CHECK(wait(pid) == CHILD_STATUS, "wait(child) returned %d", CHILD_STATUS);
    CHECK(all_bytes(MAP_ADDR, PAGE_SIZE, 'P'), "the parent's page 0 still holds its 'P's");
    check_pattern(MAP_ADDR + PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, SEED, "page 1");
    msg("its page 1 still holds the file's bytes");
    munmap(MAP_ADDR);
    if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
        fail("read failed");
    CHECK(all_bytes(buf, PAGE_SIZE, 'P'), "after munmap the file's page 0 holds the 'P's");
    seek(fd, 2 * PAGE_SIZE);
    if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
        fail("read failed");
    CHECK(all_bytes(buf, PAGE_SIZE, 'C'), "and its page 2 the child's 'C's");
    close(fd);
}
