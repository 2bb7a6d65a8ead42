/* Formatted output to file descriptors. printf and hprintf format into a
 * buffer first and hand it to the kernel with ONE write, so lines of
 * different processes are never interleaved (up to PRINTF_BUF_SIZE bytes).
 * Formats: %d %i %u %x %X %o %p %s %c %%, flags '-' '0' '+' ' ', field width
 * and precision (also '*'), length modifiers hh h l ll z t. */
#pragma once
#include <stdarg.h>
#include <stddef.h>

/* Size of the buffer one printf formats into before its single write. */
#define PRINTF_BUF_SIZE 1024
#define EOF (-1)

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
/* hprintf: like printf, to file descriptor FD. */
int hprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vhprintf(int fd, const char *fmt, va_list ap);
/* snprintf: format into BUF (at most SIZE bytes including the NUL, always
 * NUL-terminated if SIZE > 0); returns the length the full output has. */
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
/* puts: S and a newline to stdout (one write); returns >= 0 or EOF. */
int puts(const char *s);
/* putchar: one character to stdout; returns it or EOF. */
int putchar(int c);
