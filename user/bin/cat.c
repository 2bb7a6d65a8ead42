/* cat FILE...: copy each file to standard output in order. */
#include <stdio.h>
#include <syscall.h>

#define CHUNK 512

/* cat_file: copy NAME to stdout; false if it cannot be opened or read. */
static bool cat_file(const char *name)
{
    static char buf[CHUNK];
    int fd = open(name);
    if (fd < 0)
        return false;
    int n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        write(STDOUT_FILENO, buf, (unsigned)n);
    close(fd);
    return n == 0;
}

int main(int argc, char *argv[])
{
    int status = EXIT_SUCCESS;
    if (argc < 2) {
        printf("usage: cat FILE...\n");
        return EXIT_FAILURE;
    }
    for (int i = 1; i < argc; i++) {
        if (!cat_file(argv[i])) {
            printf("cat: %s: cannot read\n", argv[i]);
            status = EXIT_FAILURE;
        }
    }
    return status;
}
