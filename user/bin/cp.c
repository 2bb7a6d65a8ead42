/* cp SRC DST: copy file SRC to a new file DST (an existing DST is
 * replaced). */
#include <stdio.h>
#include <syscall.h>

#define CHUNK 512

/* copy_fd: copy everything from IN to OUT; false on a read or write error. */
static bool copy_fd(int in, int out)
{
    static char buf[CHUNK];
    int n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, (unsigned)n) != n)
            return false;
    }
    return n == 0;
}

int main(int argc, char *argv[])
{
    if (argc != 3) {
        printf("usage: cp SRC DST\n");
        return EXIT_FAILURE;
    }
    int in = open(argv[1]);
    if (in < 0) {
        printf("cp: %s: cannot open\n", argv[1]);
        return EXIT_FAILURE;
    }
    remove(argv[2]);
    int out = create(argv[2], 0) ? open(argv[2]) : -1;
    if (out < 0) {
        printf("cp: %s: cannot create\n", argv[2]);
        return EXIT_FAILURE;
    }
    bool ok = copy_fd(in, out);
    close(in);
    close(out);
    if (!ok)
        printf("cp: copy failed\n");
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
