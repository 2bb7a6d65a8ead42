/* child-qsort FILE: run by page-merge-stk. Reads FILE (at most 128 KiB)
 * into a buffer on its stack, sorts the bytes with a recursive quicksort
 * (three-way partition: the data has only 256 distinct values), writes
 * them back over the file, and exits with CHILD_QSORT_STATUS (PintOS's
 * child-qsort). */
#include "lib.h"

#define BUF_SIZE (128 * 1024)
#define CHILD_QSORT_STATUS 72

/* swap: exchange bytes A and B. */
static void swap(unsigned char *a, unsigned char *b)
{
    unsigned char t = *a;
    *a = *b;
    *b = t;
}

/* qsort_bytes: sort the N bytes at BUF; the pivot is the middle byte. */
static void qsort_bytes(unsigned char *buf, size_t n)
{
    if (n < 2)
        return;
    unsigned char pivot = buf[n / 2];
    /* [0, lt) < pivot, [lt, i) == pivot, [gt, n) > pivot */
    size_t lt = 0, i = 0, gt = n;
    while (i < gt) {
        if (buf[i] < pivot)
            swap(&buf[lt++], &buf[i++]);
        else if (buf[i] > pivot)
            swap(&buf[i], &buf[--gt]);
        else
            i++;
    }
    qsort_bytes(buf, lt);
    qsort_bytes(buf + gt, n - gt);
}

/* sort_file: the work, in a function of its own so that the big buffer
 * is a local of a frame below main's. */
static __attribute__((noinline)) void sort_file(const char *name)
{
    unsigned char buf[BUF_SIZE];
    int fd = open(name);
    if (fd < 2)
        fail("open \"%s\" failed", name);
    int size = read(fd, buf, sizeof buf);
    if (size < 0)
        fail("read \"%s\" failed", name);
    qsort_bytes(buf, (size_t)size);
    for (int i = 1; i < size; i++) {
        if (buf[i - 1] > buf[i])
            fail("byte %d is out of order after the sort", i);
    }
    seek(fd, 0);
    if (write(fd, buf, (unsigned)size) != size)
        fail("write \"%s\" failed", name);
    close(fd);
}

int main(int argc, char *argv[])
{
    test_name = "child-qsort";
    if (argc != 2)
        fail("usage: child-qsort FILE");
    sort_file(argv[1]);
    return CHILD_QSORT_STATUS;
}
