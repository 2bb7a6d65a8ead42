/* mmap-fuzz [SEED [OPS]]: random operations on memory-mapped files,
 * checked against a model, under a small frame cap (the spec's -ul=), so
 * that dirty mapped pages are written back when evicted and read again.
 *
 * NFILES files of about FILE_PAGES pages (the last page partial), each
 * mapped at most once at a time at its own address. The model keeps, per
 * file, the bytes the file system holds (`file_model`) and, while it is
 * mapped, the bytes the program sees through the mapping (`view`) and
 * which pages were written through it. The operations (a fixed-seed
 * xorshift PRNG picks them):
 * - map: a random page offset, a length that may end inside a page or
 *   past the end of the file, read-only or writable; the view is the
 *   file's bytes below the length and the file's end, zeros elsewhere;
 * - unmap: the model applies what write-back must write (the pages
 *   written through the mapping, only below the length and the file's
 *   size), then munmap;
 * - touch: write a random slice of a writable mapping (below its length
 *   and the file's end: bytes past them read as zeros again after an
 *   eviction);
 * - check: compare a random page of a mapping with the view;
 * - read: read() a random range of a file and compare it with the model,
 *   except the pages a current mapping wrote (their write-back time is
 *   the kernel's choice);
 * - write: write() a random range of a file that is not mapped (a write()
 *   to a mapped file would make the mapping's clean pages depend on
 *   eviction, which ABI.md leaves open);
 * - fork: a child checks every page of every mapping against the model
 *   and exits without writing (its mappings go with it, nothing written
 *   back).
 * At the end every file is unmapped and read back whole; the summary
 * line depends only on the arguments. */
#include "lib.h"
#include "vm.h"

#define NFILES 3
#define FILE_PAGES 24
#define MAX_MAP_PAGES (FILE_PAGES + 2) /* a mapping may reach past the end */
#define MAP_BASE 0x10000000ul
#define MAP_STRIDE 0x1000000ul /* 16 MiB between the files' addresses */
#define DEFAULT_SEED 1
#define DEFAULT_OPS 3000
#define MAX_SLICE 512
#define FORK_PER_MILLE 5
#define PER_MILLE 1000
#define CHILD_STATUS 57
#define NAME_LEN 16

struct mapped {
    bool on;
    bool writable;
    size_t first_page; /* file page mapped at the address */
    size_t length;     /* bytes, as given to mmap */
    bool written[MAX_MAP_PAGES];
};

static char file_model[NFILES][FILE_PAGES * PAGE_SIZE];
static size_t file_size[NFILES];
static char view[NFILES][MAX_MAP_PAGES * PAGE_SIZE];
static struct mapped maps[NFILES];
static int fds[NFILES];
static uint64_t rng;
static char buf[FILE_PAGES * PAGE_SIZE];
static unsigned long counts[8];

static size_t below(size_t n)
{
    return (size_t)(xorshift64(&rng) >> 11) % n;
}

static char *map_addr(int f)
{
    return (char *)(MAP_BASE + (uintptr_t)f * MAP_STRIDE);
}

static void file_name(char name[NAME_LEN], int f)
{
    snprintf(name, NAME_LEN, "fz%d.dat", f);
}

/* make_files: create the files with random bytes, open them. */
static void make_files(void)
{
    char name[NAME_LEN];
    for (int f = 0; f < NFILES; f++) {
        file_size[f] = FILE_PAGES * PAGE_SIZE - 100 * (size_t)(f + 1);
        for (size_t i = 0; i < file_size[f]; i++)
            file_model[f][i] = (char)xorshift64(&rng);
        file_name(name, f);
        if (!create(name, 0) || (fds[f] = open(name)) < 2)
            fail("create \"%s\"", name);
        if (write(fds[f], file_model[f], (unsigned)file_size[f]) != (int)file_size[f])
            fail("write \"%s\"", name);
    }
}

static void op_map(int f)
{
    struct mapped *m = &maps[f];
    size_t first = below(FILE_PAGES), pages = 1 + below(MAX_MAP_PAGES - first);
    size_t length = pages * PAGE_SIZE - below(PAGE_SIZE);
    bool writable = below(4) != 0;
    if (mmap(map_addr(f), length, writable, fds[f], (off_t)(first * PAGE_SIZE)) != map_addr(f))
        fail("mmap of file %d at page %zu, %zu bytes failed", f, first, length);
    *m = (struct mapped){.on = true, .writable = writable, .first_page = first, .length = length};
    size_t start = first * PAGE_SIZE;
    for (size_t i = 0; i < pages * PAGE_SIZE; i++)
        view[f][i] = i < length && start + i < file_size[f] ? file_model[f][start + i] : 0;
}

/* op_unmap: what write-back must write, then munmap. */
static void op_unmap(int f)
{
    struct mapped *m = &maps[f];
    size_t start = m->first_page * PAGE_SIZE;
    for (size_t p = 0; p < MAX_MAP_PAGES; p++) {
        for (size_t i = p * PAGE_SIZE; m->written[p] && i < (p + 1) * PAGE_SIZE; i++) {
            if (i < m->length && start + i < file_size[f])
                file_model[f][start + i] = view[f][i];
        }
    }
    munmap(map_addr(f));
    m->on = false;
}

/* op_touch: write a random slice of F's mapping, within the file's bytes
 * (bytes past the length or the file's end are never written back: once
 * the page is evicted they read as zeros again). */
static void op_touch(int f)
{
    struct mapped *m = &maps[f];
    size_t start = m->first_page * PAGE_SIZE, span = m->length;
    if (span > file_size[f] - start)
        span = file_size[f] - start;
    size_t at = below(span), n = 1 + below(MAX_SLICE);
    if (n > span - at)
        n = span - at;
    char *p = map_addr(f);
    for (size_t i = at; i < at + n; i++) {
        char c = (char)xorshift64(&rng);
        p[i] = view[f][i] = c;
        m->written[i / PAGE_SIZE] = true;
    }
}

/* check_page: page P of file F's mapping against the view. */
static void check_page(int f, size_t p)
{
    const char *a = map_addr(f) + p * PAGE_SIZE, *e = view[f] + p * PAGE_SIZE;
    for (size_t i = 0; i < PAGE_SIZE; i++) {
        if (a[i] != e[i])
            fail("file %d mapping page %zu byte %zu: 0x%02x, not 0x%02x", f, p, i,
                 (unsigned char)a[i], (unsigned char)e[i]);
    }
}

static size_t map_pages(int f)
{
    return (maps[f].length + PAGE_SIZE - 1) / PAGE_SIZE;
}

/* written_at: whether file byte POS lies in a page F's mapping wrote. */
static bool written_at(int f, size_t pos)
{
    struct mapped *m = &maps[f];
    size_t start = m->first_page * PAGE_SIZE;
    return m->on && pos >= start && pos - start < MAX_MAP_PAGES * PAGE_SIZE &&
           m->written[(pos - start) / PAGE_SIZE];
}

static void op_read(int f)
{
    size_t at = below(file_size[f]), n = 1 + below(file_size[f] - at);
    seek(fds[f], (unsigned)at);
    if (read(fds[f], buf, (unsigned)n) != (int)n)
        fail("read of file %d at %zu failed", f, at);
    for (size_t i = 0; i < n; i++) {
        if (!written_at(f, at + i) && buf[i] != file_model[f][at + i])
            fail("file %d byte %zu: 0x%02x, not 0x%02x", f, at + i, (unsigned char)buf[i],
                 (unsigned char)file_model[f][at + i]);
    }
}

static void op_write(int f)
{
    size_t at = below(file_size[f]), n = 1 + below(MAX_SLICE);
    if (n > file_size[f] - at)
        n = file_size[f] - at;
    for (size_t i = 0; i < n; i++)
        buf[i] = file_model[f][at + i] = (char)xorshift64(&rng);
    seek(fds[f], (unsigned)at);
    if (write(fds[f], buf, (unsigned)n) != (int)n)
        fail("write of file %d at %zu failed", f, at);
}

static void op_fork(void)
{
    pid_t pid = fork("mmf-child");
    if (pid == 0) {
        for (int f = 0; f < NFILES; f++)
            for (size_t p = 0; maps[f].on && p < map_pages(f); p++)
                check_page(f, p);
        exit(CHILD_STATUS);
    }
    if (pid < 0 || wait(pid) != CHILD_STATUS)
        fail("a forked child did not find its mappings as the model says");
}

/* step: one random operation: on a file not mapped, map (4 in 6),
 * read or write; on a mapped one, unmap (1 in 6), touch or check (3 in
 * 6: check when read-only), or read. */
static void step(void)
{
    int f = (int)below(NFILES);
    if (below(PER_MILLE) < FORK_PER_MILLE) {
        op_fork();
        counts[6]++;
        return;
    }
    size_t kind = below(6);
    if (!maps[f].on && kind < 4) {
        op_map(f);
        counts[0]++;
    } else if (!maps[f].on && kind == 4) {
        op_read(f);
        counts[4]++;
    } else if (!maps[f].on) {
        op_write(f);
        counts[5]++;
    } else if (kind == 0) {
        op_unmap(f);
        counts[1]++;
    } else if (kind <= 2 && maps[f].writable) {
        op_touch(f);
        counts[2]++;
    } else if (kind <= 3) {
        check_page(f, below(map_pages(f)));
        counts[3]++;
    } else {
        op_read(f);
        counts[4]++;
    }
}

int main(int argc, char *argv[])
{
    test_name = "mmap-fuzz";
    rng = argc > 1 ? (uint64_t)atoi(argv[1]) * 0x9e3779b97f4a7c15ull + 1 : DEFAULT_SEED;
    int ops = argc > 2 ? atoi(argv[2]) : DEFAULT_OPS;
    msg("begin");
    make_files();
    for (int i = 0; i < ops; i++)
        step();
    for (int f = 0; f < NFILES; f++) {
        if (maps[f].on)
            op_unmap(f);
        seek(fds[f], 0);
        if (read(fds[f], buf, sizeof buf) != (int)file_size[f])
            fail("read back file %d", f);
        check_bytes(buf, file_model[f], file_size[f], "a file read back");
    }
    msg("%d operations: %lu maps, %lu unmaps, %lu touches, %lu checks, %lu reads, %lu writes, "
        "%lu forks; files as the model says, cksum %lu",
        ops, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
        cksum(file_model, sizeof file_model));
    msg("end");
    return 0;
}
