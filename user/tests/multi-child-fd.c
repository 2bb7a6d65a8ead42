/* multi-child-fd: a child program closing the descriptor it inherited
 * (through fork and exec) leaves the parent's open. */
#include "lib.h"
#include "sample.h"

#define CMD_LEN 64

void test_main(void)
{
    char cmd[CMD_LEN];
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    snprintf(cmd, sizeof cmd, "child-close %d", fd);
    CHECK(wait(spawn(cmd)) == 0, "child-close succeeded");
    msg("parent reads its descriptor");
    char buf[SAMPLE_LEN];
    CHECK(read(fd, buf, SAMPLE_LEN) == (int)SAMPLE_LEN, "read the whole file");
    check_bytes(buf, sample, SAMPLE_LEN, "sample.txt");
}
