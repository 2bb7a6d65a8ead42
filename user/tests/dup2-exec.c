/* dup2-exec: exec keeps the descriptor table, high numbers included. A
 * program run by fork and exec (child-dup2) reads on through the high
 * descriptor it inherited, from the offset it had at the fork, writes to
 * the console through a high copy of descriptor 1 and can dup2 up to the
 * last number; the parent's offset is its own. */
#include "lib.h"

#define HIGH_FD 462
#define CONSOLE_COPY 900
#define CHUNK 10
#define CMD_LEN 64

void test_main(void)
{
    char cmd[CMD_LEN];
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    check_sample_read(fd, 0, CHUNK);
    msg("read %d bytes", CHUNK);
    CHECK(dup2(fd, HIGH_FD) == HIGH_FD, "dup2 to descriptor %d", HIGH_FD);
    close(fd);
    CHECK(dup2(STDOUT_FILENO, CONSOLE_COPY) == CONSOLE_COPY,
          "copy the console output to descriptor %d", CONSOLE_COPY);
    snprintf(cmd, sizeof cmd, "child-dup2 %d %d %d", HIGH_FD, CONSOLE_COPY, CHUNK);
    CHECK(wait(spawn(cmd)) == 0, "child-dup2 done");
    CHECK(tell(HIGH_FD) == CHUNK, "the parent's descriptor %d is still at offset %d", HIGH_FD,
          CHUNK);
    check_sample_read(HIGH_FD, CHUNK, CHUNK);
    msg("the parent reads on from offset %d", CHUNK);
}
