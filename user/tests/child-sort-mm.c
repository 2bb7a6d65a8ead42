/* child-sort-mm FILE: run by page-merge-mm. Like child-sort, but sorts
 * FILE's bytes in place through a writable mapping (PintOS's
 * child-qsort-mm): counts them, writes them back in order through the
 * mapping, and exits with CHILD_SORT_STATUS without munmap. */
#include "mapped.h"

#define CHILD_SORT_STATUS 123

static size_t histogram[256];

int main(int argc, char *argv[])
{
    test_name = "child-sort-mm";
    if (argc != 2)
        fail("usage: child-sort-mm FILE");
    int fd = open_or_fail(argv[1]);
    int size = filesize(fd);
    unsigned char *p = (unsigned char *)MAP_ADDR;
    if (size <= 0 || mmap(p, (size_t)size, 1, fd, 0) != p)
        fail("mmap \"%s\" failed", argv[1]);
    for (int i = 0; i < size; i++)
        histogram[p[i]]++;
    for (int v = 0; v < 256; v++) {
        for (size_t n = histogram[v]; n > 0; n--)
            *p++ = (unsigned char)v;
    }
    return CHILD_SORT_STATUS;
}
