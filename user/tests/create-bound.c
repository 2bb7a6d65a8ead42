/* create-bound: a file name that straddles a page boundary works. */
#include "lib.h"

void test_main(void)
{
    CHECK(create(copy_string_across_boundary("quux.dat"), 0),
          "create(\"quux.dat\") across a page boundary");
}
