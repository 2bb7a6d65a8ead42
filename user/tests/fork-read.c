/* fork-read: after fork, parent and child have their own file offsets,
 * both starting where the parent's was. */
#include "lib.h"
#include "sample.h"

#define CHUNK 10

/* read_chunk: read CHUNK bytes from FD and check they are sample[OFS...]. */
static void read_chunk(int fd, size_t ofs, const char *who)
{
    char buf[CHUNK];
    CHECK(read(fd, buf, CHUNK) == CHUNK, "%s reads bytes %zu-%zu", who, ofs, ofs + CHUNK - 1);
    check_bytes(buf, sample + ofs, CHUNK, who);
}

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    read_chunk(fd, 0, "parent");
    pid_t pid = fork("child");
    if (pid == 0) {
        read_chunk(fd, CHUNK, "child");
        read_chunk(fd, 2 * CHUNK, "child");
        exit(0);
    }
    CHECK(pid > 0 && wait(pid) == 0, "child done");
    read_chunk(fd, CHUNK, "parent");
}
