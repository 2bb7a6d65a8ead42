/* ls [DIR]: list the entries of DIR (default: the current directory, ".")
 * one per line, in the order readdir returns them. A plain file is listed
 * by its own name. */
#include <stdio.h>
#include <syscall.h>

/* list: print the entries of NAME; false if it cannot be opened. */
static bool list(const char *name)
{
    int fd = open(name);
    if (fd < 0)
        return false;
    if (!isdir(fd)) {
        printf("%s\n", name);
    } else {
        char entry[READDIR_MAX_LEN + 1];
        while (readdir(fd, entry))
            printf("%s\n", entry);
    }
    close(fd);
    return true;
}

int main(int argc, char *argv[])
{
    int status = EXIT_SUCCESS;
    if (argc < 2)
        return list(".") ? EXIT_SUCCESS : EXIT_FAILURE;
    for (int i = 1; i < argc; i++) {
        if (!list(argv[i])) {
            printf("ls: %s: cannot open\n", argv[i]);
            status = EXIT_FAILURE;
        }
    }
    return status;
}
