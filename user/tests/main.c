/* Shared main() of the tests: names the test after argv[0] and runs
 * test_main() between the "begin" and "end" lines; exit status 0. */
#include "lib.h"

int main(int argc, char *argv[])
{
    if (argc > 0)
        test_name = argv[0];
    msg("begin");
    test_main();
    msg("end");
    return 0;
}
