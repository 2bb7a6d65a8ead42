/* Helpers of the virtual-memory tests, as in the PintOS VM suite: the RC4
 * keystream (arc4) that fills buffers with reproducible bytes, the POSIX
 * `cksum` CRC that prints a buffer's contents as one number, and a small
 * xorshift generator for random orders. All are pure computation: the
 * values the tests print depend only on the program, never on the kernel,
 * so they can be computed once on any machine (a host build of the same
 * code agrees with coreutils `cksum`). Static inline: each test takes what
 * it uses. */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* Key of the PintOS tests' arc4 streams. */
#define ARC4_KEY "foobar"
#define ARC4_KEY_LEN 6

/* arc4: RC4 state. */
struct arc4 {
    uint8_t s[256];
    uint8_t i, j;
};

/* arc4_init: key ARC4 with the SIZE bytes at KEY. */
static inline void arc4_init(struct arc4 *arc4, const void *key, size_t size)
{
    const uint8_t *k = key;
    for (int i = 0; i < 256; i++)
        arc4->s[i] = (uint8_t)i;
    uint8_t j = 0;
    for (size_t i = 0, ki = 0; i < 256; i++) {
        j = (uint8_t)(j + arc4->s[i] + k[ki]);
        uint8_t t = arc4->s[i];
        arc4->s[i] = arc4->s[j];
        arc4->s[j] = t;
        if (++ki >= size)
            ki = 0;
    }
    arc4->i = arc4->j = 0;
}

/* arc4_crypt: XOR the SIZE bytes at BUF with the next bytes of the stream
 * (twice with the same key gives the bytes back). */
static inline void arc4_crypt(struct arc4 *arc4, void *buf, size_t size)
{
    uint8_t *b = buf, *s = arc4->s;
    uint8_t i = arc4->i, j = arc4->j;
    while (size-- > 0) {
        i++;
        j = (uint8_t)(j + s[i]);
        uint8_t t = s[i];
        s[i] = s[j];
        s[j] = t;
        *b++ ^= s[(uint8_t)(s[i] + s[j])];
    }
    arc4->i = i;
    arc4->j = j;
}

/* CRC polynomial of POSIX cksum. */
#define CKSUM_POLY 0x04c11db7u

/* cksum: the POSIX cksum of the SIZE bytes at BUF (what `cksum FILE`
 * prints first for a file holding them). */
static inline unsigned long cksum(const void *buf, size_t size)
{
    static uint32_t table[256];
    static int ready;
    if (!ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i << 24;
            for (int bit = 0; bit < 8; bit++)
                c = (c & 0x80000000u) ? (c << 1) ^ CKSUM_POLY : c << 1;
            table[i] = c;
        }
        ready = 1;
    }
    const uint8_t *b = buf;
    uint32_t s = 0;
    for (size_t n = size; n > 0; n--)
        s = (s << 8) ^ table[(s >> 24) ^ *b++];
    for (size_t n = size; n != 0; n >>= 8)
        s = (s << 8) ^ table[(s >> 24) ^ (n & 0xff)];
    return ~s;
}

/* xorshift64: the next value of the generator whose state is *STATE
 * (never 0). */
static inline uint64_t xorshift64(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return x;
}
