/* mmap-exec: exec drops every mapping of the old image, writing back its
 * dirty pages first: a child writes a mapped file, then execs
 * child-mm-touch, which finds the bytes in the file and is killed when it
 * touches the old mapping's address. */
#include "child-mm.h"
#include "mapped.h"

#define FILE_SIZE (2 * PAGE_SIZE + 10)

void test_main(void)
{
    make_file("exec.dat", FILE_SIZE, 1);
    pid_t pid = fork("child");
    if (pid == 0) {
        int fd = open_or_fail("exec.dat");
        if (mmap(MAP_ADDR, FILE_SIZE, 1, fd, 0) != MAP_ADDR)
            fail("mmap failed");
        for (size_t i = 0; i < FILE_SIZE; i++)
            MAP_ADDR[i] = (char)pattern_byte(i, CHILD_MM_SEED);
        exec("child-mm-touch exec.dat");
        fail("exec failed");
    }
    CHECK(wait(pid) == KILLED_STATUS, "wait(child) returned %d", KILLED_STATUS);
}
