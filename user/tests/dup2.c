/* dup2: the new descriptor shares the old one's open file and offset,
 * survives closing the old one, replaces whatever the new number held, and
 * can redirect the console; bad descriptors give -1. */
#include "lib.h"

#define NEW_FD 20
#define CONSOLE_COPY 30
#define BAD_FD 1000
#define CHUNK 10

void test_main(void)
{
    char a[CHUNK + 1] = "", b[CHUNK + 1] = "";
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(dup2(fd, NEW_FD) == NEW_FD, "dup2 to descriptor %d", NEW_FD);
    CHECK(read(fd, a, CHUNK) == CHUNK, "read %d bytes through the old descriptor", CHUNK);
    CHECK(read(NEW_FD, b, CHUNK) == CHUNK, "read %d bytes through the new descriptor", CHUNK);
    CHECK(tell(fd) == 2 * CHUNK && tell(NEW_FD) == 2 * CHUNK, "the offset is shared");
    CHECK(strcmp(a, "A process ") == 0 && strcmp(b, "sees its o") == 0,
          "the reads continue each other");
    close(fd);
    CHECK(read(NEW_FD, a, CHUNK) == CHUNK, "the new descriptor outlives closing the old one");
    CHECK(dup2(NEW_FD, NEW_FD) == NEW_FD, "dup2 onto itself returns it");
    CHECK(dup2(BAD_FD, NEW_FD) == -1, "dup2 from a bad descriptor fails");
    CHECK(dup2(NEW_FD, -1) == -1, "dup2 to a negative descriptor fails");
    CHECK(dup2(STDOUT_FILENO, CONSOLE_COPY) == CONSOLE_COPY, "dup2 of the console");
    const char line[] = "(dup2) written through the console copy\n";
    CHECK(write(CONSOLE_COPY, line, sizeof line - 1) == (int)sizeof line - 1,
          "write through the console copy");
    CHECK(dup2(CONSOLE_COPY, NEW_FD) == NEW_FD, "dup2 over an open descriptor closes it");
    close(NEW_FD);
    close(CONSOLE_COPY);
}
