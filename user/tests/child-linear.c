/* child-linear [KEY]: run by page-parallel, several at once. Encrypts a
 * 1 MiB zero-filled static array with an RC4 stream keyed by KEY (default
 * "foobar"), decrypts it with the same stream, checks it is all zeros
 * again, and exits with CHILD_LINEAR_STATUS (PintOS's child-linear). */
#include "lib.h"
#include "vm.h"

#define SIZE (1024 * 1024)
#define CHILD_LINEAR_STATUS 0x42

static unsigned char buf[SIZE];

int main(int argc, char *argv[])
{
    const char *key = argc > 1 ? argv[1] : ARC4_KEY;
    struct arc4 arc4;
    test_name = "child-linear";

    arc4_init(&arc4, key, strlen(key));
    arc4_crypt(&arc4, buf, SIZE);
    arc4_init(&arc4, key, strlen(key));
    arc4_crypt(&arc4, buf, SIZE);
    for (size_t i = 0; i < SIZE; i++) {
        if (buf[i] != 0)
            fail("byte %zu != 0", i);
    }
    return CHILD_LINEAR_STATUS;
}
