/* mmap-ro: a read-only mapping reads the file; a write to it is a user
 * fault (exit(-1)), and the file is unchanged (the host checks). */
#include "mapped.h"
#include "sample.h"

void test_main(void)
{
    int fd = open_or_fail("sample.txt");
    CHECK(mmap(MAP_ADDR, SAMPLE_LEN, 0, fd, 0) == MAP_ADDR, "mmap \"sample.txt\" read-only");
    check_bytes(MAP_ADDR, sample, SAMPLE_LEN, "the mapping");
    msg("it reads the file");
    msg("writing to it must end the process");
    MAP_ADDR[0] = 'X';
    fail("wrote to a read-only mapping");
}
