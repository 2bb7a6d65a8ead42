/* exec-read: open descriptors survive fork and exec, with the offset they
 * had at the fork; the child's reads do not move the parent's offset. */
#include "lib.h"
#include "sample.h"

#define CHUNK 10
#define CMD_LEN 64

void test_main(void)
{
    char buf[CHUNK], cmd[CMD_LEN];
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(read(fd, buf, CHUNK) == CHUNK, "read bytes 0-9");
    snprintf(cmd, sizeof cmd, "child-read %d %d", fd, CHUNK);
    CHECK(wait(spawn(cmd)) == 0, "child-read succeeded");
    CHECK(read(fd, buf, CHUNK) == CHUNK, "read bytes 10-19");
    check_bytes(buf, sample + CHUNK, CHUNK, "bytes 10-19");
}
