/* exec-missing: exec of a file that does not exist ends the process
 * with -1 after the kernel's load message. */
#include "lib.h"

void test_main(void)
{
    pid_t pid = spawn("no-such-file");
    CHECK(wait(pid) == KILLED_STATUS, "wait(exec(\"no-such-file\")) returned -1");
}
