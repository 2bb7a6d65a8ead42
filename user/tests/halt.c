/* halt: the machine powers off at once; no exit line follows. */
#include "lib.h"

void test_main(void)
{
    halt();
}
