/* pcache-rw: file data through the page cache under a frame cap several
 * times smaller than the file (the specs give -ul=64, with and without
 * swap): a 1 MiB file written with write() (its dirty cached pages go back
 * to the file when evicted), read back in a random page order, rewritten
 * in a random order by writes that straddle pages, read back again; a
 * removed file's dirty cached pages dropped (the leak audit and e2fsck
 * check that nothing is left); a mapping's write-back seen by read(). */
#include "mapped.h"
#include "vm.h"

#define FILE_SIZE (1024 * 1024)
#define PAGES (FILE_SIZE / PAGE_SIZE)
#define CHUNK 1000 /* bytes per rewrite: writes straddle page boundaries */
#define CHUNKS ((FILE_SIZE + CHUNK - 1) / CHUNK)
#define SEED_FIRST 3
#define SEED_SECOND 5
#define GONE_SIZE (64 * 1024)

static char buf[PAGE_SIZE];
static unsigned order[CHUNKS];

/* shuffle: a random permutation of 0..N-1 into ORDER. */
static void shuffle(uint64_t *state, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        order[i] = i;
    for (unsigned i = n - 1; i > 0; i--) {
        unsigned j = (unsigned)(xorshift64(state) % (i + 1)), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}

/* check_pages: read every page of FD in a random order: pattern SEED. */
static void check_pages(int fd, uint64_t *state, unsigned seed)
{
    shuffle(state, PAGES);
    for (unsigned k = 0; k < PAGES; k++) {
        size_t first = (size_t)order[k] * PAGE_SIZE;
        seek(fd, (unsigned)first);
        if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
            fail("read at %zu failed", first);
        check_pattern(buf, first, PAGE_SIZE, seed, "a page of the file");
    }
}

/* rewrite: write pattern SEED over FD in CHUNK-byte writes, in a random
 * order. */
static void rewrite(int fd, uint64_t *state, unsigned seed)
{
    shuffle(state, CHUNKS);
    for (unsigned k = 0; k < CHUNKS; k++) {
        size_t first = (size_t)order[k] * CHUNK;
        size_t n = FILE_SIZE - first < CHUNK ? FILE_SIZE - first : CHUNK;
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)pattern_byte(first + i, seed);
        seek(fd, (unsigned)first);
        if (write(fd, buf, (unsigned)n) != (int)n)
            fail("write at %zu failed", first);
    }
}

/* removed_file: a file written (dirty cached pages), removed while open,
 * read back, closed: its pages go with it. */
static void removed_file(void)
{
    make_file("gone.dat", GONE_SIZE, SEED_FIRST);
    int fd = open_or_fail("gone.dat");
    CHECK(remove("gone.dat"), "remove \"gone.dat\" (64 KiB, just written) while open");
    for (size_t first = 0; first < GONE_SIZE; first += PAGE_SIZE) {
        if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
            fail("read of the removed file at %zu failed", first);
        check_pattern(buf, first, PAGE_SIZE, SEED_FIRST, "a page of the removed file");
    }
    close(fd);
    msg("it read back whole, then was closed");
}

void test_main(void)
{
    uint64_t state = 0x2545f4914f6cdd1dull;
    make_file("pc.dat", FILE_SIZE, SEED_FIRST);
    msg("write \"pc.dat\" (1 MiB) a page per write()");
    int fd = open_or_fail("pc.dat");
    check_pages(fd, &state, SEED_FIRST);
    msg("read every page back, in a random order");
    rewrite(fd, &state, SEED_SECOND);
    msg("rewrite it in %d-byte writes, in a random order", CHUNK);
    check_pages(fd, &state, SEED_SECOND);
    msg("read every page back, in a random order");
    CHECK(mmap(MAP_ADDR2, 2 * PAGE_SIZE, 0, fd, PAGE_SIZE) == MAP_ADDR2,
          "mmap pages 1 and 2 read-only");
    check_pattern(MAP_ADDR2, PAGE_SIZE, 2 * PAGE_SIZE, SEED_SECOND, "the read-only mapping");
    seek(fd, PAGE_SIZE + 100);
    CHECK(write(fd, "W", 1) == 1 && MAP_ADDR2[100] == 'W',
          "a write() shows in the read-only mapping at once (the same cached page)");
    seek(fd, PAGE_SIZE + 100);
    buf[0] = (char)pattern_byte(PAGE_SIZE + 100, SEED_SECOND);
    CHECK(write(fd, buf, 1) == 1 && MAP_ADDR2[100] == buf[0], "and so does the write undoing it");
    munmap(MAP_ADDR2);
    CHECK(mmap(MAP_ADDR, PAGE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap its first page writable");
    MAP_ADDR[0] = 'M';
    munmap(MAP_ADDR);
    seek(fd, 0);
    CHECK(read(fd, buf, 1) == 1 && buf[0] == 'M', "after munmap read() sees the mapping's write");
    close(fd);
    removed_file();
}
