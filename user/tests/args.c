/* args-*, child-args: print argc and every argv[] entry (through the NULL
 * that ends the array), so the expected output shows how the kernel split
 * the command line. */
#include "lib.h"

int main(int argc, char *argv[])
{
    test_name = "args";
    msg("begin");
    msg("argc = %d", argc);
    for (int i = 0; i <= argc; i++) {
        if (argv[i] != NULL)
            msg("argv[%d] = '%s'", i, argv[i]);
        else
            msg("argv[%d] = null", i);
    }
    msg("end");
    return 0;
}
