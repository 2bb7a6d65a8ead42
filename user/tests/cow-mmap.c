/* cow-mmap: fork shares a dirty page of a writable mapping copy-on-write
 * (int $0x42: the child's page is on the parent's frame); the child's
 * write gives it a frame of its own, the parent keeps its frame and bytes.
 * Each side writes back what its page holds: a second child that only
 * unmaps the page it shares writes the parent's bytes to the file while
 * the parent still maps them; the parent's munmap writes them last. */
#include "mapped.h"

#define FILE_SIZE (2 * PAGE_SIZE)
#define SEED 29
#define WRITER_STATUS 31
#define UNMAPPER_STATUS 32

/* file_page0_is: whether the first page of the file open as FD holds C's. */
static bool file_page0_is(int fd, char c)
{
    static char buf[PAGE_SIZE];
    seek(fd, 0);
    return read(fd, buf, PAGE_SIZE) == PAGE_SIZE && all_bytes(buf, PAGE_SIZE, c);
}

/* writer: the first child: shares, then writes its own bytes. */
static void writer(uint64_t before)
{
    CHECK(get_phys_addr(MAP_ADDR) == before,
          "writer: the dirty mapped page is on the parent's frame");
    memset(MAP_ADDR, 'C', PAGE_SIZE);
    uint64_t now = get_phys_addr(MAP_ADDR);
    CHECK(now != 0 && now != before && all_bytes(MAP_ADDR, PAGE_SIZE, 'C'),
          "writer: its write gave it a frame of its own");
    exit(WRITER_STATUS); /* its 'C's reach the file */
}

/* unmapper: the second child: shares, unmaps. */
static void unmapper(uint64_t before)
{
    CHECK(get_phys_addr(MAP_ADDR) == before, "unmapper: the page is on the parent's frame");
    munmap(MAP_ADDR); /* writes back the shared page: the parent's 'P's */
    exit(UNMAPPER_STATUS);
}

void test_main(void)
{
    make_file("cow.dat", FILE_SIZE, SEED);
    int fd = open_or_fail("cow.dat");
    CHECK(mmap(MAP_ADDR, FILE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap \"cow.dat\" writable");
    memset(MAP_ADDR, 'P', PAGE_SIZE);
    uint64_t before = get_phys_addr(MAP_ADDR);
    pid_t pid = fork("writer");
    if (pid == 0)
        writer(before);
    CHECK(wait(pid) == WRITER_STATUS, "wait for the writer");
    CHECK(get_phys_addr(MAP_ADDR) == before && all_bytes(MAP_ADDR, PAGE_SIZE, 'P'),
          "the parent's page is on its old frame, unchanged");
    CHECK(file_page0_is(fd, 'C'), "the file holds the writer's bytes (its exit wrote them back)");
    pid = fork("unmapper");
    if (pid == 0)
        unmapper(before);
    CHECK(wait(pid) == UNMAPPER_STATUS, "wait for the unmapper");
    CHECK(file_page0_is(fd, 'P'), "the unmapper wrote back the page it shared: the parent's bytes");
    memset(MAP_ADDR, 'Q', PAGE_SIZE);
    CHECK(get_phys_addr(MAP_ADDR) == before,
          "the parent writes its page in place (no longer shared)");
    munmap(MAP_ADDR);
    CHECK(file_page0_is(fd, 'Q'), "the parent's munmap writes its bytes back");
}
