/* echo: print the arguments separated by single spaces, then a newline,
 * with one write. */
#include <stdio.h>
#include <string.h>

#define LINE_MAX 1024

int main(int argc, char *argv[])
{
    char line[LINE_MAX] = "";
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            strlcat(line, " ", sizeof line);
        strlcat(line, argv[i], sizeof line);
    }
    printf("%s\n", line);
    return 0;
}
