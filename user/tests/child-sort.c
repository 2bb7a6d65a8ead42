/* child-sort FILE: run by page-merge-seq and page-merge-par. Reads FILE (at
 * most 128 KiB) into a static buffer, sorts its bytes by counting them,
 * writes them back over the file, and exits with CHILD_SORT_STATUS
 * (PintOS's child-sort). */
#include "lib.h"

#define BUF_SIZE (128 * 1024)
#define CHILD_SORT_STATUS 123

static unsigned char buf[BUF_SIZE];
static size_t histogram[256];

int main(int argc, char *argv[])
{
    test_name = "child-sort";
    if (argc != 2)
        fail("usage: child-sort FILE");
    int fd = open(argv[1]);
    if (fd < 2)
        fail("open \"%s\" failed", argv[1]);
    int size = read(fd, buf, sizeof buf);
    if (size < 0)
        fail("read \"%s\" failed", argv[1]);
    for (int i = 0; i < size; i++)
        histogram[buf[i]]++;
    unsigned char *p = buf;
    for (int v = 0; v < 256; v++) {
        for (size_t n = histogram[v]; n > 0; n--)
            *p++ = (unsigned char)v;
    }
    seek(fd, 0);
    if (write(fd, buf, (unsigned)size) != size)
        fail("write \"%s\" failed", argv[1]);
    close(fd);
    return CHILD_SORT_STATUS;
}
