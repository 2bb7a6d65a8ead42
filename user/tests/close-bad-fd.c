/* close-bad-fd: closing descriptors that were never opened is ignored or
 * ends the process with -1. */
#include "lib.h"

#define BAD_FD 0x20101234
#define UNUSED_FD 1234

void test_main(void)
{
    close(BAD_FD);
    close(UNUSED_FD);
    close(-1);
}
