/* multi-recurse N: prints "begin N", runs "multi-recurse N-1" in a child
 * (fork + exec) and waits for it, prints "end N" and exits with N; so
 * "multi-recurse 15" nests 16 processes. */
#include "lib.h"

#define CMD_LEN 32

int main(int argc, char *argv[])
{
    char cmd[CMD_LEN];
    test_name = "multi-recurse";
    int n = argc > 1 ? atoi(argv[1]) : 0;
    msg("begin %d", n);
    if (n > 0) {
        snprintf(cmd, sizeof cmd, "multi-recurse %d", n - 1);
        int status = wait(spawn(cmd));
        if (status != n - 1)
            fail("wait(exec(\"%s\")) returned %d", cmd, status);
    }
    msg("end %d", n);
    return n;
}
