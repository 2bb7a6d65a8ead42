/* read-bad-fd: reading from descriptors that were never opened returns -1
 * or ends the process with -1. */
#include <limits.h>

#include "lib.h"

/* Descriptors that were never opened, including negative ones. */
static const int bad_fds[] = {0x20101234, 5, 1234, -1, -1024, INT_MIN, INT_MAX};
#define N_BAD_FDS (sizeof bad_fds / sizeof bad_fds[0])
#define BUF_SIZE 16

void test_main(void)
{
    char buf[BUF_SIZE];
    for (size_t i = 0; i < N_BAD_FDS; i++) {
        int n = read(bad_fds[i], buf, sizeof buf);
        if (n != -1)
            fail("read(%d) returned %d", bad_fds[i], n);
    }
}
