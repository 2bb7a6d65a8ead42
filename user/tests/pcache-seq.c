/* pcache-seq: sequential readers of "big" (tools/mktree.py) with the page
 * cache's asynchronous read-ahead: the parent reads it through a
 * read-only mapping while a child reads it through read() at the same
 * time, then each reads it the other way; every pass must give the
 * FNV-1a hash MANIFEST lists for it. Run with a small -ul= cap, the
 * passes find their pages evicted and read them from the disk again. */
#include "mapped.h"

#define BIG_NAME "big"
#define CHUNK (3 * PAGE_SIZE + 100) /* read() size: not a multiple of a page */
#define FNV_OFFSET 0x811c9dc5u
#define FNV_PRIME 0x01000193u
#define MANIFEST_MAX 1024

static char chunk[CHUNK];

/* fnv1a: the FNV-1a hash H continued over the SIZE bytes at P. */
static unsigned fnv1a(unsigned h, const char *p, size_t size)
{
    for (size_t i = 0; i < size; i++)
        h = (h ^ (unsigned char)p[i]) * FNV_PRIME;
    return h;
}

/* parse_number: the number in BASE (10 or 16) at *P, which moves past it. */
static unsigned long parse_number(char **p, unsigned base)
{
    unsigned long v = 0;
    for (;; (*p)++) {
        char c = **p;
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                            : base;
        if (d >= base)
            return v;
        v = v * base + d;
    }
}

/* manifest_big: the size and hash MANIFEST gives for /big (its first line). */
static void manifest_big(size_t *size, unsigned *hash)
{
    static char text[MANIFEST_MAX];
    int fd = open_or_fail("MANIFEST");
    int n = read(fd, text, sizeof text - 1);
    close(fd);
    text[n > 0 ? n : 0] = '\0';
    char *p = text + strlen("/" BIG_NAME " ");
    if (n <= 0 || strncmp(text, "/" BIG_NAME " ", strlen("/" BIG_NAME " ")))
        fail("MANIFEST does not start with /" BIG_NAME);
    *size = parse_number(&p, 10);
    p++; /* the space */
    *hash = (unsigned)parse_number(&p, 16);
}

/* hash_by_read: the hash of FD's file read to its end with read(); its
 * length in *SIZE. */
static unsigned hash_by_read(int fd, size_t *size)
{
    unsigned h = FNV_OFFSET;
    int n;
    *size = 0;
    seek(fd, 0);
    while ((n = read(fd, chunk, sizeof chunk)) > 0) {
        h = fnv1a(h, chunk, (size_t)n);
        *size += (size_t)n;
    }
    return h;
}

/* hash_by_mmap: the hash of the SIZE bytes of FD's file, read in order
 * through a read-only mapping at ADDR. */
static unsigned hash_by_mmap(int fd, char *addr, size_t size)
{
    if (mmap(addr, size, 0, fd, 0) != addr)
        fail("mmap \"" BIG_NAME "\" at %p failed", addr);
    unsigned h = fnv1a(FNV_OFFSET, addr, size);
    munmap(addr);
    return h;
}

/* pass: one read of "big" through FD, by read() or (BY_MAP) a mapping at
 * ADDR, checked against MANIFEST's SIZE and HASH; WHO says who reads. */
static void pass(int fd, bool by_map, char *addr, size_t size, unsigned hash, const char *who)
{
    size_t got = size;
    unsigned h = by_map ? hash_by_mmap(fd, addr, size) : hash_by_read(fd, &got);
    if (got != size || h != hash)
        fail("%s: %s read %zu bytes, hash %08x (MANIFEST: %zu, %08x)", who,
             by_map ? "mapped" : "read()", got, h, size, hash);
}

void test_main(void)
{
    size_t size;
    unsigned hash;
    manifest_big(&size, &hash);
    msg("\"" BIG_NAME "\": %zu bytes", size);
    int fd = open_or_fail(BIG_NAME);
    pid_t child = fork("seq-child");
    if (child < 0)
        fail("fork failed");
    bool first_by_map = child > 0; /* the parent maps first, the child reads first */
    const char *who = child > 0 ? "parent" : "child";
    pass(fd, first_by_map, MAP_ADDR, size, hash, who);
    pass(fd, !first_by_map, MAP_ADDR2, size, hash, who);
    if (child == 0)
        exit(0);
    CHECK(wait(child) == 0, "the child read it with read(), then mapped, and got MANIFEST's hash");
    msg("the parent mapped it, then read it with read(), and got MANIFEST's hash");
    close(fd);
}
