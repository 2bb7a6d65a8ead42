/* fork-close: a child closing a descriptor it inherited leaves the
 * parent's open. */
#include "lib.h"
#include "sample.h"

#define CHUNK 10

void test_main(void)
{
    char buf[CHUNK];
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    pid_t pid = fork("child");
    if (pid == 0) {
        close(fd);
        msg("child closed the file");
        exit(0);
    }
    CHECK(pid > 0 && wait(pid) == 0, "child done");
    CHECK(read(fd, buf, CHUNK) == CHUNK, "parent still reads the file");
    check_bytes(buf, sample, CHUNK, "sample.txt");
}
