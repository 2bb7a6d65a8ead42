/* Conversions, sorting and termination: the parts of <stdlib.h> that need
 * no heap (malloc lives in malloc.c), plus assert_fail. */
#include <assert.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define DECIMAL 10
#define HEX 16
#define OCTAL 8
#define LETTER_DIGIT_BASE 10 /* value of digit 'a' */

int atoi(const char *s)
{
    return (int)strtol(s, NULL, DECIMAL);
}

/* digit_value: the value of digit C in bases up to 36, or -1. */
static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + LETTER_DIGIT_BASE;
    return -1;
}

/* detect_base: for BASE 0 (or 16) skip a "0x" prefix and pick the base
 * from the prefix; advances *S past it. */
static int detect_base(const char **s, int base)
{
    const char *p = *s;
    bool hex_prefix = p[0] == '0' && tolower(p[1]) == 'x' && isxdigit(p[2]);
    if ((base == 0 || base == HEX) && hex_prefix) {
        *s = p + 2;
        return HEX;
    }
    if (base == 0)
        return p[0] == '0' ? OCTAL : DECIMAL;
    return base;
}

long strtol(const char *s, char **end, int base)
{
    while (isspace(*s))
        s++;
    bool negative = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    base = detect_base(&s, base);
    unsigned long v = 0;
    int d;
    for (; (d = digit_value(*s)) >= 0 && d < base; s++)
        v = v * (unsigned long)base + (unsigned long)d;
    if (end != NULL)
        *end = (char *)s;
    return negative ? -(long)v : (long)v;
}

int abs(int x)
{
    return x < 0 ? -x : x;
}

/* swap_bytes: exchange the SIZE-byte elements at A and B. */
static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        unsigned char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

/* sift_down: restore the max-heap property below element ROOT of the
 * heap of the first N elements. */
static void sift_down(unsigned char *base, size_t root, size_t n, size_t size,
                      int (*cmp)(const void *, const void *))
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
            child++;
        if (cmp(base + root * size, base + child * size) >= 0)
            return;
        swap_bytes(base + root * size, base + child * size, size);
        root = child;
    }
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *a, const void *b))
{
    unsigned char *b = base;
    for (size_t i = n / 2; i > 0; i--)
        sift_down(b, i - 1, n, size, cmp);
    for (size_t end = n; end > 1; end--) {
        swap_bytes(b, b + (end - 1) * size, size);
        sift_down(b, 0, end - 1, size, cmp);
    }
}

void abort(void)
{
    exit(ABORT_STATUS);
}

void assert_fail(const char *expr, const char *file, int line, const char *func)
{
    printf("assertion \"%s\" failed: %s:%d in %s()\n", expr, file, line, func);
    abort();
}
