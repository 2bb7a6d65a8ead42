/* bss-20m-linear: a 20 MiB bss (the size real programs have), far more
 * than the frame cap (the spec gives -ul=256: 1 MiB). Every page is
 * written in full, in address order, with words that name the page and
 * the word, then read back in the same order. Exec must not pay for the
 * bss up front; the write pass sends almost all of it to swap and the
 * read pass brings it back. */
#include "lib.h"

#define SIZE (20 * 1024 * 1024)
#define PAGES (SIZE / PAGE_SIZE)
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint64_t))

static uint64_t big[PAGES][WORDS_PER_PAGE];

/* word_value: what word W of page P holds. */
static uint64_t word_value(size_t p, size_t w)
{
    return (uint64_t)p << 32 ^ w ^ 0xb55b55b500000000ull;
}

void test_main(void)
{
    for (size_t p = 0; p < PAGES; p++) {
        for (size_t w = 0; w < WORDS_PER_PAGE; w++)
            big[p][w] = word_value(p, w);
    }
    msg("wrote %d pages", PAGES);
    for (size_t p = 0; p < PAGES; p++) {
        for (size_t w = 0; w < WORDS_PER_PAGE; w++) {
            if (big[p][w] != word_value(p, w))
                fail("page %zu word %zu holds %#lx instead of %#lx", p, w, big[p][w],
                     word_value(p, w));
        }
    }
    msg("verified %d pages", PAGES);
}
