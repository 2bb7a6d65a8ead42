/* mkdir DIR...: create each directory (file-system extension). */
#include <stdio.h>
#include <syscall.h>

int main(int argc, char *argv[])
{
    int status = EXIT_SUCCESS;
    if (argc < 2) {
        printf("usage: mkdir DIR...\n");
        return EXIT_FAILURE;
    }
    for (int i = 1; i < argc; i++) {
        if (!mkdir(argv[i])) {
            printf("mkdir: %s: cannot create\n", argv[i]);
            status = EXIT_FAILURE;
        }
    }
    return status;
}
