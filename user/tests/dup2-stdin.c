/* dup2-stdin: descriptor 0 is a descriptor like the others. Closed, it
 * fails to read; dup2 of a file onto it makes reads of descriptor 0 read
 * the file, sharing the offset with the original; a copy of the console
 * input made before puts it back. */
#include "lib.h"
#include "sample.h"

#define CONSOLE_IN_COPY 600
#define HEAD 40

void test_main(void)
{
    char byte = 'x';
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(dup2(STDIN_FILENO, CONSOLE_IN_COPY) == CONSOLE_IN_COPY,
          "copy the console input to descriptor %d", CONSOLE_IN_COPY);
    close(STDIN_FILENO);
    CHECK(read(STDIN_FILENO, &byte, 1) == -1, "read from closed descriptor 0 fails");
    CHECK(dup2(fd, STDIN_FILENO) == STDIN_FILENO, "dup2 the file onto descriptor 0");
    check_sample_read(STDIN_FILENO, 0, HEAD);
    msg("descriptor 0 reads the first %d bytes of the file", HEAD);
    CHECK(tell(fd) == HEAD, "the original is at offset %d too", HEAD);
    check_sample_read(fd, HEAD, SAMPLE_LEN - HEAD);
    msg("the original reads the rest of the file");
    CHECK(read(STDIN_FILENO, &byte, 1) == 0, "descriptor 0 is at the end of the file");
    CHECK(dup2(CONSOLE_IN_COPY, STDIN_FILENO) == STDIN_FILENO,
          "dup2 the console input back onto descriptor 0");
    CHECK(read(STDIN_FILENO, &byte, 0) == 0 && write(STDIN_FILENO, &byte, 1) == -1,
          "descriptor 0 is the console input again");
    CHECK(tell(fd) == SAMPLE_LEN, "the file stays open through the original");
    close(CONSOLE_IN_COPY);
    close(fd);
}
