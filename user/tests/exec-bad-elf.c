/* exec-bad-elf: exec of a file that opens but is not an executable (a
 * text file) fails without the "open failed" message: the process exits
 * with -1 and the kernel keeps running. */
#include "lib.h"

void test_main(void)
{
    pid_t pid = spawn("sample.txt");
    CHECK(wait(pid) == KILLED_STATUS, "wait(exec(\"sample.txt\")) returned -1");
}
