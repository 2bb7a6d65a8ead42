/* Formatted output. One formatter (fmt_format) writes through a sink; the
 * sinks are a bounded string (snprintf) and a line buffer flushed to the
 * console in large pieces (printf), so one printf call is one console write
 * unless it exceeds the buffer. */
#include <stdbool.h>
#include <stdint.h>
#include "kernel/console.h"
#include "kernel/printf.h"
#include "kernel/string.h"

#define PRINTF_BUF_SIZE 256
#define NUM_BUF_SIZE    24 /* 2^64 in octal needs 22 digits */

struct sink {
    void (*put)(struct sink *s, char c);
    char *buf;
    size_t size, len; /* len counts every byte produced, even if dropped */
};

struct spec {
    bool left, zero, upper;
    int width, precision;
    int length; /* number of 'l' (or 'z' as 1) */
};

static void put_str(struct sink *s, const char *str, size_t n)
{
    for (size_t i = 0; i < n; i++)
        s->put(s, str[i]);
}

static void put_pad(struct sink *s, char c, int n)
{
    while (n-- > 0)
        s->put(s, c);
}

/* emit_field: STR of length N padded to the field width of SP. */
static void emit_field(struct sink *s, const struct spec *sp, const char *prefix, const char *str,
                       size_t n)
{
    int pad = sp->width - (int)(n + strlen(prefix));
    if (!sp->left && !sp->zero)
        put_pad(s, ' ', pad);
    put_str(s, prefix, strlen(prefix));
    if (!sp->left && sp->zero)
        put_pad(s, '0', pad);
    put_str(s, str, n);
    if (sp->left)
        put_pad(s, ' ', pad);
}

/* emit_number: V in BASE; NEG adds a minus sign. */
static void emit_number(struct sink *s, const struct spec *sp, uint64_t v, unsigned base, bool neg,
                        const char *prefix)
{
    const char *digits = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[NUM_BUF_SIZE];
    size_t i = sizeof buf;
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    emit_field(s, sp, neg ? "-" : prefix, buf + i, sizeof buf - i);
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    memset(sp, 0, sizeof *sp);
    sp->precision = -1;
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else if (*f != ' ' && *f != '+' && *f != '#')
            break;
    }
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        f++;
    }
    while (*f >= '0' && *f <= '9')
        sp->width = sp->width * 10 + (*f++ - '0');
    if (*f == '.') {
        sp->precision = 0;
        for (f++; *f >= '0' && *f <= '9'; f++)
            sp->precision = sp->precision * 10 + (*f - '0');
    }
    for (; *f == 'l' || *f == 'z' || *f == 'h'; f++)
        sp->length += *f != 'h';
    return f;
}

static int64_t arg_signed(const struct spec *sp, va_list *ap)
{
    return sp->length ? va_arg(*ap, int64_t) : va_arg(*ap, int);
}

static uint64_t arg_unsigned(const struct spec *sp, va_list *ap)
{
    return sp->length ? va_arg(*ap, uint64_t) : va_arg(*ap, unsigned);
}

/* emit_conversion: one conversion character C with its spec. */
static void emit_conversion(struct sink *s, struct spec *sp, char c, va_list *ap)
{
    switch (c) {
    case 'd':
    case 'i': {
        int64_t v = arg_signed(sp, ap);
        emit_number(s, sp, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, "");
        break;
    }
    case 'u': emit_number(s, sp, arg_unsigned(sp, ap), 10, false, ""); break;
    case 'o': emit_number(s, sp, arg_unsigned(sp, ap), 8, false, ""); break;
    case 'X': sp->upper = true; /* fall through */
    case 'x': emit_number(s, sp, arg_unsigned(sp, ap), 16, false, ""); break;
    case 'p': emit_number(s, sp, (uint64_t)va_arg(*ap, void *), 16, false, "0x"); break;
    case 'c': {
        char ch = (char)va_arg(*ap, int);
        emit_field(s, sp, "", &ch, 1);
        break;
    }
    case 's': {
        const char *str = va_arg(*ap, const char *);
        if (!str)
            str = "(null)";
        size_t n = sp->precision >= 0 ? strnlen(str, sp->precision) : strlen(str);
        sp->zero = false;
        emit_field(s, sp, "", str, n);
        break;
    }
    case '%': s->put(s, '%'); break;
    default:
        s->put(s, '%');
        s->put(s, c);
        break;
    }
}

static void fmt_format(struct sink *s, const char *fmt, va_list ap)
{
    va_list args;
    va_copy(args, ap);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            s->put(s, *f);
            continue;
        }
        struct spec sp;
        f = parse_spec(f + 1, &sp, &args);
        if (!*f)
            break;
        emit_conversion(s, &sp, *f, &args);
    }
    va_end(args);
}

static void string_put(struct sink *s, char c)
{
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = {string_put, buf, size, 0};
    fmt_format(&s, fmt, ap);
    if (size > 0)
        buf[s.len < size ? s.len : size - 1] = '\0';
    return (int)s.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static void console_sink_put(struct sink *s, char c)
{
    if (s->len % s->size == 0 && s->len > 0)
        console_write(s->buf, s->size);
    s->buf[s->len % s->size] = c;
    s->len++;
}

int vprintf(const char *fmt, va_list ap)
{
    char buf[PRINTF_BUF_SIZE];
    struct sink s = {console_sink_put, buf, sizeof buf, 0};
    fmt_format(&s, fmt, ap);
    size_t tail = s.len % s.size;
    if (tail == 0 && s.len > 0)
        tail = s.size;
    console_write(buf, tail);
    return (int)s.len;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}
