/* child-mm-touch FILE: exec'd by mmap-exec after it wrote FILE through a
 * mapping at MAP_ADDR: the file holds those bytes (written back at exec),
 * and MAP_ADDR is not mapped any more: touching it ends the process. */
#include "child-mm.h"
#include "mapped.h"

int main(int argc, char *argv[])
{
    static char buf[PAGE_SIZE];
    test_name = "child-mm-touch";
    if (argc != 2)
        fail("usage: child-mm-touch FILE");
    int fd = open_or_fail(argv[1]);
    int size = filesize(fd), n, done = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        check_pattern(buf, (size_t)done, (size_t)n, CHILD_MM_SEED, argv[1]);
        done += n;
    }
    CHECK(done == size && size > 0, "\"%s\" holds what was written through the mapping", argv[1]);
    msg("touching the old mapping must end the process");
    volatile char c = MAP_ADDR[0];
    fail("read 0x%02x at the old mapping's address", (unsigned char)c);
}
