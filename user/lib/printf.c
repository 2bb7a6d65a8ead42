/* Formatted output. One formatter (format_to) writes into a sink: a
 * buffer that either truncates (snprintf) or, for a file descriptor, is
 * written out with one write() when full and once at the end. A printf of
 * at most PRINTF_BUF_SIZE bytes is therefore exactly one write system call. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>

/* No file descriptor: the sink only fills its buffer (snprintf). */
#define SINK_NO_FD (-1)
/* Digits of a 64-bit number in base 8, the longest case. */
#define MAX_DIGITS 22
#define DECIMAL 10
#define HEX 16
#define OCTAL 8

struct sink {
    char *buf;
    size_t cap;   /* usable bytes of buf (one less than its size for snprintf) */
    size_t pos;   /* bytes in buf not yet flushed */
    size_t total; /* bytes produced so far, flushed or not, kept or dropped */
    int fd;       /* where a full buffer goes, or SINK_NO_FD */
};

/* A parsed conversion specification. */
struct spec {
    bool left;     /* '-': pad on the right */
    bool zero;     /* '0': pad numbers with zeros */
    char sign;     /* '+', ' ' or 0: what positive signed numbers get */
    bool alt;      /* '#': 0x / 0X before nonzero hex, 0 before octal */
    int width;     /* minimum field width */
    int precision; /* -1 if none */
    int length;    /* number of 'l' (2 for ll, z, t) or -1 h, -2 hh */
};

/* sink_flush: write the buffered bytes to the sink's fd, if it has one. */
static void sink_flush(struct sink *s)
{
    if (s->fd != SINK_NO_FD && s->pos > 0)
        write(s->fd, s->buf, (unsigned)s->pos);
    if (s->fd != SINK_NO_FD)
        s->pos = 0;
}

static void sink_putc(struct sink *s, char c)
{
    if (s->pos == s->cap)
        sink_flush(s);
    if (s->pos < s->cap)
        s->buf[s->pos++] = c;
    s->total++;
}

static void sink_pad(struct sink *s, char c, int n)
{
    for (; n > 0; n--)
        sink_putc(s, c);
}

/* put_field: emit TEXT (LEN bytes) right or left aligned in the field. */
static void put_field(struct sink *s, const struct spec *sp, const char *text, int len)
{
    if (!sp->left)
        sink_pad(s, ' ', sp->width - len);
    for (int i = 0; i < len; i++)
        sink_putc(s, text[i]);
    if (sp->left)
        sink_pad(s, ' ', sp->width - len);
}

/* put_number: emit magnitude V in BASE with PREFIX (sign or "0x"),
 * honouring precision, zero padding and alignment. */
static void put_number(struct sink *s, const struct spec *sp, uint64_t v, int base, bool upper,
                       const char *prefix)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[MAX_DIGITS];
    int n = 0;
    while (v != 0 || (n == 0 && sp->precision != 0)) {
        tmp[n++] = digits[v % (uint64_t)base];
        v /= (uint64_t)base;
    }
    int zeros = sp->precision > n ? sp->precision - n : 0;
    int plen = (int)strlen(prefix);
    int pad = sp->width - plen - zeros - n;
    if (sp->zero && !sp->left && sp->precision < 0) {
        zeros += pad > 0 ? pad : 0;
        pad = 0;
    }
    if (!sp->left)
        sink_pad(s, ' ', pad);
    for (int i = 0; i < plen; i++)
        sink_putc(s, prefix[i]);
    sink_pad(s, '0', zeros);
    while (n > 0)
        sink_putc(s, tmp[--n]);
    if (sp->left)
        sink_pad(s, ' ', pad);
}

/* parse_spec: read flags, width, precision and length after a '%';
 * returns the position of the conversion character. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){.precision = -1};
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else if (*f == '+' || (*f == ' ' && sp->sign != '+'))
            sp->sign = *f;
        else if (*f == '#')
            sp->alt = true;
        else
            break;
    }
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = true;
            sp->width = -sp->width;
        }
        f++;
    }
    for (; *f >= '0' && *f <= '9'; f++)
        sp->width = sp->width * DECIMAL + (*f - '0');
    if (*f == '.') {
        f++;
        sp->precision = 0;
        if (*f == '*') {
            sp->precision = va_arg(*ap, int);
            f++;
        }
        for (; *f >= '0' && *f <= '9'; f++)
            sp->precision = sp->precision * DECIMAL + (*f - '0');
    }
    for (;; f++) {
        if (*f == 'l')
            sp->length++;
        else if (*f == 'z' || *f == 't')
            sp->length = 2;
        else if (*f == 'h')
            sp->length--;
        else
            return f;
    }
}

/* get_signed/get_unsigned: fetch an integer argument of the spec's length. */
static int64_t get_signed(const struct spec *sp, va_list *ap)
{
    if (sp->length > 0)
        return va_arg(*ap, long);
    int v = va_arg(*ap, int);
    if (sp->length == -1)
        return (short)v;
    if (sp->length <= -2)
        return (signed char)v;
    return v;
}

static uint64_t get_unsigned(const struct spec *sp, va_list *ap)
{
    if (sp->length > 0)
        return va_arg(*ap, unsigned long);
    unsigned v = va_arg(*ap, unsigned);
    if (sp->length == -1)
        return (unsigned short)v;
    if (sp->length <= -2)
        return (unsigned char)v;
    return v;
}

/* put_signed: a %d conversion. */
static void put_signed(struct sink *s, const struct spec *sp, va_list *ap)
{
    int64_t v = get_signed(sp, ap);
    char prefix[2] = {0, 0};
    uint64_t mag = (uint64_t)v;
    if (v < 0) {
        prefix[0] = '-';
        mag = -mag;
    } else {
        prefix[0] = sp->sign;
    }
    put_number(s, sp, mag, DECIMAL, false, prefix);
}

/* put_string: a %s conversion; NULL prints as "(null)". */
static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
    if (str == NULL)
        str = "(null)";
    size_t len = sp->precision >= 0 ? strnlen(str, (size_t)sp->precision) : strlen(str);
    put_field(s, sp, str, (int)len);
}

/* convert: perform conversion C of spec SP. */
static void convert(struct sink *s, char c, struct spec *sp, va_list *ap)
{
    char ch;
    uint64_t v;
    switch (c) {
    case 'd':
    case 'i':
        put_signed(s, sp, ap);
        break;
    case 'u':
        put_number(s, sp, get_unsigned(sp, ap), DECIMAL, false, "");
        break;
    case 'x':
    case 'X':
        v = get_unsigned(sp, ap);
        put_number(s, sp, v, HEX, c == 'X', sp->alt && v ? (c == 'X' ? "0X" : "0x") : "");
        break;
    case 'o':
        v = get_unsigned(sp, ap);
        put_number(s, sp, v, OCTAL, false, sp->alt && v ? "0" : "");
        break;
    case 'p':
        put_number(s, sp, (uint64_t)va_arg(*ap, void *), HEX, false, "0x");
        break;
    case 's':
        put_string(s, sp, va_arg(*ap, const char *));
        break;
    case 'c':
        ch = (char)va_arg(*ap, int);
        put_field(s, sp, &ch, 1);
        break;
    default: /* '%' and unknown conversions print themselves */
        put_field(s, sp, &c, 1);
        break;
    }
}

/* format_to: format FMT with AP into sink S (no final flush). */
static void format_to(struct sink *s, const char *fmt, va_list ap)
{
    va_list args;
    va_copy(args, ap);
    for (const char *f = fmt; *f != '\0'; f++) {
        if (*f != '%') {
            sink_putc(s, *f);
            continue;
        }
        struct spec sp;
        f = parse_spec(f + 1, &sp, &args);
        if (*f == '\0')
            break;
        convert(s, *f, &sp, &args);
    }
    va_end(args);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = {.buf = buf, .cap = size > 0 ? size - 1 : 0, .fd = SINK_NO_FD};
    format_to(&s, fmt, ap);
    if (size > 0)
        buf[s.pos] = '\0';
    return (int)s.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int vhprintf(int fd, const char *fmt, va_list ap)
{
    char buf[PRINTF_BUF_SIZE];
    struct sink s = {.buf = buf, .cap = sizeof buf, .fd = fd};
    format_to(&s, fmt, ap);
    sink_flush(&s);
    return (int)s.total;
}

int hprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vhprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}

int vprintf(const char *fmt, va_list ap)
{
    return vhprintf(STDOUT_FILENO, fmt, ap);
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vhprintf(STDOUT_FILENO, fmt, ap);
    va_end(ap);
    return n;
}

int puts(const char *s)
{
    return printf("%s\n", s) < 0 ? EOF : 0;
}

int putchar(int c)
{
    char ch = (char)c;
    return write(STDOUT_FILENO, &ch, 1) == 1 ? (unsigned char)c : EOF;
}
