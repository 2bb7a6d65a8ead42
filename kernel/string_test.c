/* Unit tests of memcpy, memset and memmove (suite "string"): every length
 * from 0 to STRING_T_MAX_LEN (across the unrolled blocks, the words left
 * and the last bytes of kernel/string.c), at every source and destination
 * misalignment within a word, checked byte by byte against a reference
 * loop, with guard bytes around the destination that must not change. */
#include <stdint.h>
#include "kernel/ktest.h"
#include "kernel/string.h"

#define STRING_T_MAX_LEN    200 /* three 64-byte blocks, a word and some bytes */
#define STRING_T_ALIGN      8   /* misalignments tried: 0 .. 7 */
#define STRING_T_GUARD      16  /* bytes checked on each side of a destination */
#define STRING_T_BUF        (STRING_T_GUARD + STRING_T_ALIGN + STRING_T_MAX_LEN + STRING_T_GUARD)
#define STRING_T_GUARD_BYTE 0xa5

static uint8_t string_t_src[STRING_T_BUF], string_t_dst[STRING_T_BUF];

/* string_t_fill: the source pattern (no byte equals the guard byte's
 * neighbours by accident: i * 7 + 1 runs through all values). */
static void string_t_fill(void)
{
    for (size_t i = 0; i < STRING_T_BUF; i++)
        string_t_src[i] = (uint8_t)(i * 7 + 1);
}

/* string_t_guarded: whether the destination bytes outside [AT, AT + LEN)
 * still hold the guard byte. */
static bool string_t_guarded(size_t at, size_t len)
{
    for (size_t i = 0; i < STRING_T_BUF; i++)
        if ((i < at || i >= at + len) && string_t_dst[i] != STRING_T_GUARD_BYTE)
            return false;
    return true;
}

KTEST(string, memcpy_every_length_and_alignment)
{
    string_t_fill();
    for (size_t len = 0; len <= STRING_T_MAX_LEN; len++)
        for (size_t so = 0; so < STRING_T_ALIGN; so++)
            for (size_t d = 0; d < STRING_T_ALIGN; d++) {
                size_t at = STRING_T_GUARD + d, from = STRING_T_GUARD + so;
                for (size_t i = 0; i < STRING_T_BUF; i++)
                    string_t_dst[i] = STRING_T_GUARD_BYTE;
                KT_ASSERT(memcpy(string_t_dst + at, string_t_src + from, len) == string_t_dst + at);
                for (size_t i = 0; i < len; i++)
                    KT_ASSERT(string_t_dst[at + i] == string_t_src[from + i]);
                KT_ASSERT(string_t_guarded(at, len));
            }
}

KTEST(string, memset_every_length_and_alignment)
{
    for (size_t len = 0; len <= STRING_T_MAX_LEN; len++)
        for (size_t d = 0; d < STRING_T_ALIGN; d++) {
            size_t at = STRING_T_GUARD + d;
            for (size_t i = 0; i < STRING_T_BUF; i++)
                string_t_dst[i] = STRING_T_GUARD_BYTE;
            int value = (int)(len + d) | 0x100; /* only the low byte counts */
            KT_ASSERT(memset(string_t_dst + at, value, len) == string_t_dst + at);
            for (size_t i = 0; i < len; i++)
                KT_ASSERT(string_t_dst[at + i] == (uint8_t)value);
            KT_ASSERT(string_t_guarded(at, len));
        }
}

KTEST(string, memmove_overlapping_both_ways)
{
    for (size_t len = 0; len <= STRING_T_MAX_LEN; len++)
        for (size_t shift = 1; shift < STRING_T_ALIGN * 2; shift++) {
            uint8_t *base = string_t_dst + STRING_T_GUARD;
            for (size_t i = 0; i < len; i++)
                base[i] = (uint8_t)(i * 7 + 1);
            memmove(base + shift, base, len); /* forward: the source is overwritten */
            for (size_t i = 0; i < len; i++)
                KT_ASSERT(base[shift + i] == (uint8_t)(i * 7 + 1));
            memmove(base, base + shift, len); /* backward: back where it was */
            for (size_t i = 0; i < len; i++)
                KT_ASSERT(base[i] == (uint8_t)(i * 7 + 1));
        }
}
