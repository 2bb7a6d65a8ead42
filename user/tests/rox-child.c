/* rox-child: a file can be written while no process runs it, not while a
 * child runs it. rox-multichild builds this file with a deeper chain. */
#include "lib.h"

#ifndef ROX_DEPTH
#define ROX_DEPTH 1 /* nested child-rox processes */
#endif

#define CMD_LEN 32

/* rewrite_first_byte: write the first byte of FD's file back in place;
 * returns what write returned. */
static int rewrite_first_byte(int fd)
{
    char byte;
    seek(fd, 0);
    if (read(fd, &byte, 1) != 1)
        fail("read \"child-rox\" failed");
    seek(fd, 0);
    return write(fd, &byte, 1);
}

void test_main(void)
{
    char cmd[CMD_LEN];
    int fd = open("child-rox");
    CHECK(fd > STDOUT_FILENO, "open \"child-rox\"");
    CHECK(rewrite_first_byte(fd) == 1, "write \"child-rox\"");
    snprintf(cmd, sizeof cmd, "child-rox %d", ROX_DEPTH);
    CHECK(wait(spawn(cmd)) == ROX_DEPTH, "child-rox exited with %d", ROX_DEPTH);
    CHECK(rewrite_first_byte(fd) == 1, "write \"child-rox\" again");
}
