/* close-twice: closing a descriptor a second time is ignored or ends the
 * process with -1. */
#include "lib.h"

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    msg("close \"sample.txt\"");
    close(fd);
    msg("close \"sample.txt\" again");
    close(fd);
}
