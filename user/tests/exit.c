/* exit: the process ends with the status it gives. */
#include "lib.h"

#define EXIT_CODE 57

void test_main(void)
{
    exit(EXIT_CODE);
}
