/* Helpers shared by the memory-mapped file tests (mmap-*, child-mm-*):
 * where they map, and files of known contents. Include once, from the
 * test's source. */
#pragma once
#include "lib.h"

/* Addresses real programs map at (ABI.md): below and above the stack. */
#define MAP_ADDR ((char *)0x10000000)
#define MAP_ADDR2 ((char *)0x20000000)
#define MAP_HIGH ((char *)0x54321000)

/* pattern_byte: byte I of the test pattern number SEED (never all zero). */
static inline unsigned char pattern_byte(size_t i, unsigned seed)
{
    return (unsigned char)((i * 7 + (i >> 9) + seed * 31 + 1) & 0xff);
}

/* make_file: create file NAME of SIZE bytes of pattern SEED (written with
 * write(), in one call per page). */
__attribute__((unused)) static void make_file(const char *name, size_t size, unsigned seed)
{
    static char page[PAGE_SIZE];
    int fd;
    if (!create(name, 0) || (fd = open(name)) < 2)
        fail("create \"%s\" failed", name);
    for (size_t done = 0; done < size;) {
        size_t n = size - done < PAGE_SIZE ? size - done : PAGE_SIZE;
        for (size_t i = 0; i < n; i++)
            page[i] = (char)pattern_byte(done + i, seed);
        if (write(fd, page, (unsigned)n) != (int)n)
            fail("write \"%s\" failed", name);
        done += n;
    }
    close(fd);
}

/* check_pattern: fail unless the SIZE bytes at P are pattern SEED from
 * byte FIRST on; WHAT names them. */
__attribute__((unused)) static void check_pattern(const char *p, size_t first, size_t size,
                                                  unsigned seed, const char *what)
{
    for (size_t i = 0; i < size; i++) {
        if ((unsigned char)p[i] != pattern_byte(first + i, seed))
            fail("%s differs at byte %zu", what, i);
    }
}

/* check_zero: fail unless the SIZE bytes at P are zero. */
__attribute__((unused)) static void check_zero(const char *p, size_t size, const char *what)
{
    for (size_t i = 0; i < size; i++) {
        if (p[i] != 0)
            fail("%s: byte %zu is 0x%02x, not zero", what, i, (unsigned char)p[i]);
    }
}

/* open_or_fail: open NAME (a descriptor >= 2). */
__attribute__((unused)) static int open_or_fail(const char *name)
{
    int fd = open(name);
    if (fd < 2)
        fail("open \"%s\" failed", name);
    return fd;
}

/* all_bytes: whether the SIZE bytes at P are all C. */
__attribute__((unused)) static bool all_bytes(const char *p, size_t size, char c)
{
    for (size_t i = 0; i < size; i++) {
        if (p[i] != c)
            return false;
    }
    return true;
}
