/* Freestanding string and memory functions (libc names; clang may emit
 * calls to memcpy/memset/memmove/memcmp itself). */
#pragma once
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
/* strlcpy: copy at most size-1 bytes, always NUL-terminate (if size > 0);
 * returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
/* strlcat: append SRC to DST within SIZE bytes; returns the length the
 * full result would have. */
size_t strlcat(char *dst, const char *src, size_t size);
/* strtok_r: split S at runs of DELIM characters; *SAVE keeps the position.
 * Modifies S; returns the next token or NULL. */
char *strtok_r(char *s, const char *delim, char **save);
