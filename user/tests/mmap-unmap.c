/* mmap-unmap: after munmap, touching the range is a user fault: the
 * process ends with exit(-1). munmap of an address no mapping starts at
 * (inside a mapping, or unmapped) is ignored. */
#include "mapped.h"
#include "sample.h"

void test_main(void)
{
    int fd = open_or_fail("sample.txt");
    CHECK(mmap(MAP_ADDR, 2 * PAGE_SIZE, 0, fd, 0) == MAP_ADDR, "mmap \"sample.txt\" (2 pages)");
    munmap(MAP_ADDR + PAGE_SIZE);
    munmap(MAP_ADDR2);
    munmap(NULL);
    check_bytes(MAP_ADDR, sample, SAMPLE_LEN, "the mapping");
    msg("munmap elsewhere left it alone");
    CHECK(MAP_ADDR[PAGE_SIZE] == 0, "its second page reads as zeros");
    munmap(MAP_ADDR);
    msg("munmap");
    msg("touching it now must end the process");
    volatile char c = MAP_ADDR[0];
    fail("read 0x%02x from an unmapped page", (unsigned char)c);
}
