/* filesize: the size of an existing file, an empty one and one created
 * with an initial size. */
#include "lib.h"
#include "sample.h"

#define INITIAL_SIZE 1000

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(filesize(fd) == (int)SAMPLE_LEN, "filesize(\"sample.txt\") is %d", (int)SAMPLE_LEN);
    CHECK(create("empty.dat", 0), "create \"empty.dat\"");
    fd = open("empty.dat");
    CHECK(fd > STDOUT_FILENO && filesize(fd) == 0, "filesize(\"empty.dat\") is 0");
    CHECK(create("sized.dat", INITIAL_SIZE), "create \"sized.dat\" with %d bytes", INITIAL_SIZE);
    fd = open("sized.dat");
    CHECK(fd > STDOUT_FILENO && filesize(fd) == INITIAL_SIZE, "filesize(\"sized.dat\") is %d",
          INITIAL_SIZE);
}
