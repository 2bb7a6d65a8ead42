/* close-normal: open a file and close it. */
#include "lib.h"

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    msg("close \"sample.txt\"");
    close(fd);
}
