/* Access to user memory from system calls. Every access goes through these
 * functions: the range is checked to lie entirely in user space
 * [0, USER_TOP) up front, then copied with fault recovery (an exception-
 * table entry resumes a faulting copy at its fixup), with SMAP opened only
 * for the copy itself. A fault therefore returns ERR_FAULT instead of
 * crashing the kernel; the caller usually ends the process with -1. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* uaccess_range_ok: [UADDR, UADDR+SIZE) lies in user space (no wrap). */
bool uaccess_range_ok(uint64_t uaddr, size_t size);
/* copy_from_user: SIZE bytes from user UADDR to kernel DST; 0 or ERR_FAULT. */
int copy_from_user(void *dst, const void *uaddr, size_t size);
/* copy_to_user: SIZE bytes from kernel SRC to user UADDR; 0 or ERR_FAULT. */
int copy_to_user(void *uaddr, const void *src, size_t size);
/* strncpy_from_user: the NUL-terminated string at UADDR into DST (SIZE
 * bytes). Returns its length, ERR_FAULT for a bad pointer, or
 * ERR_NAME_TOO_LONG when no NUL lies within SIZE - 1 bytes. */
long strncpy_from_user(char *dst, const char *uaddr, size_t size);
