/* bss-20m-random: like bss-20m-linear, but the pages of the 20 MiB bss are
 * written in one pseudo-random order and read back in another, so that
 * faults, evictions and swap slots follow no pattern. The orders come
 * from full-period LCGs modulo 8192 (values past the last page skipped):
 * every page is visited exactly once per pass. */
#include "lib.h"

#define SIZE (20 * 1024 * 1024)
#define PAGES (SIZE / PAGE_SIZE)
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint64_t))
/* LCG x' = (a x + c) mod m with m a power of two >= PAGES, a % 4 == 1 and
 * c odd: period m (Hull-Dobell). */
#define LCG_MOD 8192
#define WRITE_A 5
#define WRITE_C 1237
#define READ_A 4093
#define READ_C 2011

static uint64_t big[PAGES][WORDS_PER_PAGE];

/* word_value: what word W of page P holds. */
static uint64_t word_value(size_t p, size_t w)
{
    return (uint64_t)p << 32 ^ w ^ 0x3c3c3c3c00000000ull;
}

/* next_page: advance the LCG (A, C) from *X to the next value below PAGES. */
static size_t next_page(size_t *x, size_t a, size_t c)
{
    do
        *x = (a * *x + c) % LCG_MOD;
    while (*x >= PAGES);
    return *x;
}

void test_main(void)
{
    size_t x = 0;
    for (int i = 0; i < PAGES; i++) {
        size_t p = next_page(&x, WRITE_A, WRITE_C);
        for (size_t w = 0; w < WORDS_PER_PAGE; w++)
            big[p][w] = word_value(p, w);
    }
    msg("wrote %d pages in random order", PAGES);
    x = 0;
    for (int i = 0; i < PAGES; i++) {
        size_t p = next_page(&x, READ_A, READ_C);
        for (size_t w = 0; w < WORDS_PER_PAGE; w++) {
            if (big[p][w] != word_value(p, w))
                fail("page %zu word %zu holds %#lx instead of %#lx", p, w, big[p][w],
                     word_value(p, w));
        }
    }
    msg("verified %d pages in another random order", PAGES);
}
