/* page-linear: a 2 MiB static array, several times the frame cap the spec
 * gives (-ul=64: 256 KiB), walked linearly five times: set to 0x5a,
 * checked, encrypted and decrypted in place with the same RC4 stream
 * (read-modify-write of every byte), checked again. Every pass evicts the
 * pages of the previous one: zero-fill, swap out, swap in, and pages
 * dirtied again after coming back from swap (PintOS's test). */
#include "lib.h"
#include "vm.h"

#define SIZE (2 * 1024 * 1024)
#define FILL 0x5a

static unsigned char buf[SIZE];

/* check_fill: fail unless every byte of buf is FILL. */
static void check_fill(void)
{
    for (size_t i = 0; i < SIZE; i++) {
        if (buf[i] != FILL)
            fail("byte %zu != 0x%02x", i, FILL);
    }
}

void test_main(void)
{
    struct arc4 arc4;

    msg("initialize");
    memset(buf, FILL, sizeof buf);

    msg("read pass");
    check_fill();

    msg("read/modify/write pass one");
    arc4_init(&arc4, ARC4_KEY, ARC4_KEY_LEN);
    arc4_crypt(&arc4, buf, SIZE);

    msg("read/modify/write pass two");
    arc4_init(&arc4, ARC4_KEY, ARC4_KEY_LEN);
    arc4_crypt(&arc4, buf, SIZE);

    msg("read pass");
    check_fill();
}
