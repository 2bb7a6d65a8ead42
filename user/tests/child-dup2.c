/* child-dup2 FD CONSOLE OFS: run by dup2-exec through fork and exec. FD is
 * a high descriptor of sample.txt it inherited at offset OFS, CONSOLE a
 * high copy of the console output: exec kept both. */
#include "lib.h"

#define CHUNK 20
#define LAST_FD (FD_LIMIT - 1)

int main(int argc, char *argv[])
{
    test_name = argv[0];
    if (argc != 4)
        fail("usage: child-dup2 FD CONSOLE OFS");
    int fd = atoi(argv[1]), console = atoi(argv[2]);
    unsigned ofs = (unsigned)atoi(argv[3]);
    CHECK(tell(fd) == ofs, "descriptor %d is open after exec, at offset %u", fd, ofs);
    check_sample_read(fd, ofs, CHUNK);
    msg("read %d bytes through descriptor %d", CHUNK, fd);
    hprintf(console, "(%s) descriptor %d writes to the console\n", test_name, console);
    CHECK(dup2(fd, LAST_FD) == LAST_FD, "dup2 to descriptor %d", LAST_FD);
    return 0;
}
