/* child-rox N: run by rox-child and rox-multichild. Writing to its own
 * executable must fail (write returns 0) while it runs; with N > 1 it
 * first runs "child-rox N-1" and checks again after that child is done.
 * Exits with N. */
#include "lib.h"

#define CMD_LEN 32

/* try_write: write the first byte of FD's file back in place; fail unless
 * the kernel refuses (write returns 0). */
static void try_write(int fd, const char *what)
{
    char byte;
    seek(fd, 0);
    if (read(fd, &byte, 1) != 1)
        fail("read \"child-rox\" failed");
    seek(fd, 0);
    CHECK(write(fd, &byte, 1) == 0, "try to write \"child-rox\"%s", what);
}

int main(int argc, char *argv[])
{
    char cmd[CMD_LEN];
    test_name = argv[0];
    int depth = argc > 1 ? atoi(argv[1]) : 1;
    msg("begin %d", depth);
    int fd = open("child-rox");
    if (fd < 0)
        fail("open \"child-rox\" failed");
    try_write(fd, "");
    if (depth > 1) {
        snprintf(cmd, sizeof cmd, "child-rox %d", depth - 1);
        if (wait(spawn(cmd)) != depth - 1)
            fail("child-rox %d failed", depth - 1);
    }
    try_write(fd, " again");
    msg("end %d", depth);
    return depth;
}
