/* child-read FD OFS: run by exec-read; checks that descriptor FD, inherited
 * through fork and exec, is open on sample.txt at offset OFS, and reads on
 * from there. */
#include "lib.h"
#include "sample.h"

#define CHUNK 20

int main(int argc, char *argv[])
{
    char buf[CHUNK];
    test_name = argv[0];
    if (argc != 3)
        fail("usage: child-read FD OFS");
    int fd = atoi(argv[1]);
    unsigned ofs = (unsigned)atoi(argv[2]);
    CHECK(tell(fd) == ofs, "descriptor is at offset %u", ofs);
    CHECK(read(fd, buf, CHUNK) == CHUNK, "read bytes %u-%u", ofs, ofs + CHUNK - 1);
    check_bytes(buf, sample + ofs, CHUNK, "sample.txt");
    return 0;
}
