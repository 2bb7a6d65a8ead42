/* read-normal: read a whole file and compare it with its known contents. */
#include "lib.h"
#include "sample.h"

void test_main(void)
{
    check_file("sample.txt", sample, SAMPLE_LEN);
}
