/* pt-big-stk-obj: a 64 KiB object on the stack: one `sub` moves rsp
 * sixteen pages down and the object's pages grow as they are first
 * touched, all at or above rsp. Filled with an RC4 keystream, checksum
 * printed (PintOS prints the same). */
#include "lib.h"
#include "vm.h"

#define OBJ_SIZE 65536

void test_main(void)
{
    char stk_obj[OBJ_SIZE];
    struct arc4 arc4;
    arc4_init(&arc4, ARC4_KEY, ARC4_KEY_LEN);
    memset(stk_obj, 0, sizeof stk_obj);
    arc4_crypt(&arc4, stk_obj, sizeof stk_obj);
    msg("cksum: %lu", cksum(stk_obj, sizeof stk_obj));
}
