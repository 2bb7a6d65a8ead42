/* Unit tests of the formatter through snprintf: every conversion, length
 * modifiers, field width, zero padding, left alignment, %s precision,
 * extreme values, truncation and the return value (the untruncated length). */
#include <stdint.h>
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/string.h"

#define OUT_SIZE 96
#define GUARD    0x5a

/* FMT_IS: snprintf(FMT, ...) must produce exactly WANT and return its length. */
#define FMT_IS(want, ...)                                  \
    do {                                                   \
        char out_[OUT_SIZE];                               \
        int n_ = snprintf(out_, sizeof out_, __VA_ARGS__); \
        KT_ASSERT(!strcmp(out_, want));                    \
        KT_ASSERT(n_ == (int)strlen(want));                \
    } while (0)

KTEST(printf, signed_decimal)
{
    FMT_IS("42", "%d", 42);
    FMT_IS("-7", "%i", -7);
    FMT_IS("0", "%d", 0);
    FMT_IS("2147483647", "%d", INT32_MAX);
    FMT_IS("-2147483648", "%d", INT32_MIN);
    FMT_IS("-1234567890123", "%ld", -1234567890123l);
    FMT_IS("9223372036854775807", "%ld", INT64_MAX);
    FMT_IS("-9223372036854775808", "%ld", INT64_MIN);
    FMT_IS("-9223372036854775808", "%lld", (long long)INT64_MIN);
}

KTEST(printf, unsigned_and_hex)
{
    FMT_IS("4294967295", "%u", UINT32_MAX);
    FMT_IS("18446744073709551615", "%lu", UINT64_MAX);
    FMT_IS("deadbeef", "%x", 0xdeadbeefu);
    FMT_IS("DEADBEEF", "%X", 0xdeadbeefu);
    FMT_IS("ffffffff", "%x", -1);
    FMT_IS("ffffffffffffffff", "%lx", UINT64_MAX);
    FMT_IS("123", "%zu", (size_t)123);
    FMT_IS("0", "%x", 0u);
    FMT_IS("17", "%o", 15u);
}

KTEST(printf, pointer_char_string_percent)
{
    FMT_IS("0x1000", "%p", (void *)0x1000);
    FMT_IS("0xffff800000000000", "%p", (void *)0xffff800000000000ul);
    FMT_IS("x", "%c", 'x');
    FMT_IS("hello", "%s", "hello");
    FMT_IS("", "%s", "");
    FMT_IS("100%", "%d%%", 100);
    FMT_IS("a%b", "a%%b");
    const char *volatile null_str = NULL;
    FMT_IS("(null)", "%s", null_str);
    FMT_IS("plain text", "plain text");
}

KTEST(printf, width_and_zero_padding)
{
    FMT_IS("   42", "%5d", 42);
    FMT_IS("00042", "%05d", 42);
    FMT_IS("  -42", "%5d", -42);
    FMT_IS("-0042", "%05d", -42);
    FMT_IS("0000beef", "%08x", 0xbeefu);
    FMT_IS("  x", "%3c", 'x');
    FMT_IS("   ab", "%5s", "ab");
    FMT_IS("12345", "%3d", 12345); /* a short width never truncates */
    FMT_IS("   7", "%*d", 4, 7);
    FMT_IS("00000000000000000001", "%020lu", 1ul);
}

KTEST(printf, left_alignment)
{
    FMT_IS("42   |", "%-5d|", 42);
    FMT_IS("-42  |", "%-5d|", -42);
    FMT_IS("ab    |", "%-6s|", "ab");
    FMT_IS("x  |", "%-3c|", 'x');
    const char *volatile left_zero = "%-05d|"; /* hidden from -Wformat */
    FMT_IS("42   |", left_zero, 42);           /* '-' overrides '0' */
    FMT_IS("ff  |", "%-4x|", 0xffu);
}

KTEST(printf, string_precision)
{
    FMT_IS("abc", "%.3s", "abcdef");
    FMT_IS("ab", "%.3s", "ab");
    FMT_IS("", "%.0s", "abc");
    FMT_IS("     abc", "%8.3s", "abcdef");
    FMT_IS("abc     |", "%-8.3s|", "abcdef");
    /* precision stops reading: the source need not be terminated */
    static const char unterminated[4] = {'w', 'x', 'y', 'z'};
    FMT_IS("wxyz", "%.4s", unterminated);
}

KTEST(printf, mixed)
{
    FMT_IS("pid 3 exited with -1 (0x2a) [ok]", "pid %d exited with %d (0x%x) [%s]", 3, -1, 42,
           "ok");
    FMT_IS("a=1 b=18446744073709551615 c=-5", "a=%u b=%lu c=%ld", 1u, UINT64_MAX, -5l);
}

KTEST(printf, truncation_and_return_value)
{
    char buf[8];
    memset(buf, GUARD, sizeof buf);
    KT_ASSERT(snprintf(buf, 5, "hello world") == 11);
    KT_ASSERT(!strcmp(buf, "hell"));
    KT_ASSERT((unsigned char)buf[5] == GUARD); /* nothing past SIZE written */

    memset(buf, GUARD, sizeof buf);
    KT_ASSERT(snprintf(buf, 0, "abc") == 3);
    KT_ASSERT((unsigned char)buf[0] == GUARD);

    KT_ASSERT(snprintf(buf, 1, "abc") == 3);
    KT_ASSERT(buf[0] == '\0');

    KT_ASSERT(snprintf(buf, sizeof buf, "%d", 1234567) == 7); /* exact fit */
    KT_ASSERT(!strcmp(buf, "1234567"));
    KT_ASSERT(snprintf(buf, sizeof buf, "%d", 12345678) == 8); /* one too many */
    KT_ASSERT(!strcmp(buf, "1234567"));
    KT_ASSERT(snprintf(buf, sizeof buf, "%-10s|", "ab") == 11);
    KT_ASSERT(!strcmp(buf, "ab     "));
    KT_ASSERT(snprintf(NULL, 0, "%ld", INT64_MIN) == 20);
}
