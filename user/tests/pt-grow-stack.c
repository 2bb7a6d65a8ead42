/* pt-grow-stack: a 4 KiB local array takes the stack past its first page
 * (the only one claimed at exec): the new page grows on the fault. The
 * array is filled with an RC4 keystream and its checksum printed; the
 * value depends only on the key (PintOS prints the same). */
#include "lib.h"
#include "vm.h"

#define OBJ_SIZE 4096

void test_main(void)
{
    char stack_obj[OBJ_SIZE];
    struct arc4 arc4;
    arc4_init(&arc4, ARC4_KEY, ARC4_KEY_LEN);
    memset(stack_obj, 0, sizeof stack_obj);
    arc4_crypt(&arc4, stack_obj, sizeof stack_obj);
    msg("cksum: %lu", cksum(stack_obj, sizeof stack_obj));
}
