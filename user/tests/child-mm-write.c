/* child-mm-write FILE [crash]: run by mmap-exit. Maps FILE writable, fills
 * it with pattern CHILD_MM_SEED through the mapping, and exits without
 * munmap (status CHILD_MM_STATUS); with "crash", reads address 0 instead
 * of exiting, so the kernel ends it. Either way its dirty pages must be
 * written back. */
#include "child-mm.h"
#include "mapped.h"

int main(int argc, char *argv[])
{
    test_name = "child-mm-write";
    if (argc < 2)
        fail("usage: child-mm-write FILE [crash]");
    int fd = open_or_fail(argv[1]);
    int size = filesize(fd);
    if (size <= 0 || mmap(MAP_ADDR, (size_t)size, 1, fd, 0) != MAP_ADDR)
        fail("mmap \"%s\" failed", argv[1]);
    for (int i = 0; i < size; i++)
        MAP_ADDR[i] = (char)pattern_byte((size_t)i, CHILD_MM_SEED);
    if (argc > 2 && !strcmp(argv[2], "crash")) {
        volatile char *null = NULL;
        return *null;
    }
    return CHILD_MM_STATUS;
}
