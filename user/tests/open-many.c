/* open-many: a process can hold at least OPEN_MANY_MIN files open at once;
 * past the kernel's limit open fails cleanly (-1, the process goes on), and
 * once the files are closed opens succeed again. */
#include "lib.h"

#define OPEN_MANY_MIN 128
#define OPEN_TRY_MAX 1000

static int fds[OPEN_TRY_MAX];

void test_main(void)
{
    int n = 0;
    while (n < OPEN_TRY_MAX && (fds[n] = open("sample.txt")) >= 0)
        n++;
    CHECK(n >= OPEN_MANY_MIN, "at least %d files open at once", OPEN_MANY_MIN);
    CHECK(n < OPEN_TRY_MAX, "open fails cleanly past the limit");
    for (int i = 0; i < n; i++)
        close(fds[i]);
    int fd = open("sample.txt");
    CHECK(fd >= 0, "open works again after closing them");
    close(fd);
}
