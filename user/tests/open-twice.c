/* open-twice: opening a file twice gives two different descriptors. */
#include "lib.h"

void test_main(void)
{
    int fd1 = open("sample.txt");
    CHECK(fd1 > STDOUT_FILENO, "open \"sample.txt\" once");
    int fd2 = open("sample.txt");
    CHECK(fd2 > STDOUT_FILENO, "open \"sample.txt\" again");
    CHECK(fd1 != fd2, "the two descriptors differ");
}
