/* cow-swap: copy-on-write under a small frame cap (the spec gives
 * -ul=32): the parent fills 1 MiB, mostly pushed to swap, then forks two
 * children that run at once. The reader checks every page (pages shared
 * with the parent, swapped out and read back in); the writer rewrites
 * every other page and checks all of them (its own bytes where it wrote,
 * the parent's elsewhere). Then the parent finds its bytes everywhere,
 * rewrites them all and checks again. */
#include "lib.h"

#include <stdalign.h>

#define PAGES 256
#define WORDS (PAGES * PAGE_SIZE / sizeof(uint64_t))
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint64_t))
#define PARENT_PATTERN 0x1111000000000000ull
#define WRITER_PATTERN 0x2222000000000000ull
#define PARENT_AGAIN 0x3333000000000000ull
#define READER_STATUS 21
#define WRITER_STATUS 22

static alignas(PAGE_SIZE) uint64_t buf[WORDS];

/* expected: word I of a buffer filled with BASE on its pages and OTHER on
 * its odd pages (OTHER 0: BASE everywhere). */
static uint64_t expected(size_t i, uint64_t base, uint64_t other)
{
    bool odd = (i / WORDS_PER_PAGE) % 2 == 1;
    return (odd && other ? other : base) ^ i;
}

/* check: fail unless buf holds BASE/OTHER (see expected); WHO names it. */
static void check(uint64_t base, uint64_t other, const char *who)
{
    for (size_t i = 0; i < WORDS; i++) {
        if (buf[i] != expected(i, base, other))
            fail("%s: word %zu is %#lx instead of %#lx", who, i, buf[i], expected(i, base, other));
    }
}

/* fill: store PATTERN ^ index in the words of the pages selected (every
 * page, or only the odd ones). */
static void fill(uint64_t pattern, bool odd_only)
{
    for (size_t i = 0; i < WORDS; i++) {
        if (!odd_only || (i / WORDS_PER_PAGE) % 2 == 1)
            buf[i] = pattern ^ i;
    }
}

/* start: fork a child NAME that runs BODY and exits with STATUS. */
static pid_t start(const char *name, void (*body)(void), int status)
{
    pid_t pid = fork(name);
    if (pid == 0) {
        body();
        exit(status);
    }
    if (pid == PID_ERROR)
        fail("fork(\"%s\") failed", name);
    return pid;
}

static void reader(void)
{
    check(PARENT_PATTERN, 0, "reader");
    check(PARENT_PATTERN, 0, "reader, twice");
}

static void writer(void)
{
    fill(WRITER_PATTERN, true);
    check(PARENT_PATTERN, WRITER_PATTERN, "writer");
}

void test_main(void)
{
    fill(PARENT_PATTERN, false);
    msg("parent filled 1 MiB");
    pid_t r = start("reader", reader, READER_STATUS);
    pid_t w = start("writer", writer, WRITER_STATUS);
    bool ok = wait(r) == READER_STATUS;
    ok = wait(w) == WRITER_STATUS && ok;
    CHECK(ok, "the reader saw the parent's bytes, the writer its own where it wrote");
    check(PARENT_PATTERN, 0, "parent");
    msg("parent's bytes are unchanged");
    fill(PARENT_AGAIN, false);
    check(PARENT_AGAIN, 0, "parent");
    msg("parent rewrote its pages");
}
