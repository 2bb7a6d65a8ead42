/* xattr-rw: sample.txt, which the spec gives an extended-attribute block
 * on the host (tools/mkxattr.sh), reads and grows like any file; then it
 * is removed. The runner's e2fsck checks that the attribute block was
 * released with the inode. */
#include "lib.h"
#include "sample.h"

#define NAME "sample.txt"

void test_main(void)
{
    static char twice[2 * SAMPLE_LEN];
    check_file(NAME, sample, SAMPLE_LEN);
    int fd = open(NAME);
    CHECK(fd > STDOUT_FILENO, "open \"" NAME "\"");
    seek(fd, SAMPLE_LEN);
    CHECK(write(fd, sample, SAMPLE_LEN) == (int)SAMPLE_LEN, "append the sample to it");
    close(fd);
    memcpy(twice, sample, SAMPLE_LEN);
    memcpy(twice + SAMPLE_LEN, sample, SAMPLE_LEN);
    check_file(NAME, twice, sizeof twice);
    CHECK(remove(NAME), "remove \"" NAME "\"");
}
