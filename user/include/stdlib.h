/* General utilities: conversions, sorting, termination, and a small
 * malloc on a static heap of USER_HEAP_SIZE bytes (not thread-safe; each
 * process has its own copy after fork). */
#pragma once
#include <stddef.h>
#include <syscall.h>

#define USER_HEAP_SIZE (256 * 1024)
/* Exit status of abort() (and of a failed assert). */
#define ABORT_STATUS (-1)

/* atoi: the decimal integer at the start of S (after spaces, optional sign). */
int atoi(const char *s);
/* strtol: like C's, BASE 0 or 2..36; *END (if END) gets the first unused char. */
long strtol(const char *s, char **end, int base);
int abs(int x);
/* qsort: sort N elements of SIZE bytes at BASE by CMP (heapsort: in place,
 * no recursion, not stable). */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *a, const void *b));
__attribute__((noreturn)) void abort(void);

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t n, size_t size);
void *realloc(void *ptr, size_t size);
