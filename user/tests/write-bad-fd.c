/* write-bad-fd: writing to descriptors that were never opened returns -1
 * or ends the process with -1. */
#include <limits.h>

#include "lib.h"

/* Descriptors that were never opened, including negative ones. */
static const int bad_fds[] = {0x20101234, 5, 1234, -1, -1024, INT_MIN, INT_MAX};
#define N_BAD_FDS (sizeof bad_fds / sizeof bad_fds[0])
#define BUF_SIZE 16

void test_main(void)
{
    static const char buf[BUF_SIZE] = "never shown";
    for (size_t i = 0; i < N_BAD_FDS; i++) {
        int n = write(bad_fds[i], buf, sizeof buf);
        if (n != -1)
            fail("write(%d) returned %d", bad_fds[i], n);
    }
}
