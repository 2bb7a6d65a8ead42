/* Kernel formatted output. printf writes to every console (serial + VGA).
 * Formats: %d %i %u %x %X %p %s %c %o %%, length modifiers l ll z,
 * field width, '0' padding, '-' left alignment, precision for %s. */
#pragma once
#include <stdarg.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
