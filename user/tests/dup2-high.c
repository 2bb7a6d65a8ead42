/* dup2-high: dup2 onto a high descriptor, far beyond the FD_FILES_MAX files
 * a process may open. The two descriptors share one open file and its
 * offset (POSIX dup2): the rest of the file reads through the duplicate
 * after its start was read through the original, a seek through either
 * moves both, and the duplicate outlives the original. The process exits
 * with the duplicate open: exit closes it (the leak audit checks). */
#include "lib.h"
#include "sample.h"

#define HIGH_FD 462
#define HEAD 100

void test_main(void)
{
    char byte;
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(dup2(fd, HIGH_FD) == HIGH_FD, "dup2 to descriptor %d", HIGH_FD);
    check_sample_read(fd, 0, HEAD);
    msg("read the first %d bytes through the original", HEAD);
    CHECK(tell(HIGH_FD) == HEAD, "descriptor %d is at offset %d too", HIGH_FD, HEAD);
    check_sample_read(HIGH_FD, HEAD, SAMPLE_LEN - HEAD);
    msg("read the other %zu bytes through descriptor %d", SAMPLE_LEN - HEAD, HIGH_FD);
    CHECK(read(fd, &byte, 1) == 0, "the original is at the end of the file");
    seek(HIGH_FD, 0);
    CHECK(tell(fd) == 0, "a seek through descriptor %d moves the original", HIGH_FD);
    close(fd);
    CHECK(read(fd, &byte, 1) == -1, "the original is closed");
    check_sample_read(HIGH_FD, 0, HEAD);
    msg("descriptor %d still reads the file", HIGH_FD);
    CHECK(filesize(HIGH_FD) == (int)SAMPLE_LEN, "filesize through descriptor %d", HIGH_FD);
    msg("exit with descriptor %d open", HIGH_FD);
}
