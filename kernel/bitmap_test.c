/* Unit tests of the bitmap (suite "bitmap"): every operation on sizes at
 * and around word boundaries (0, 1, 63, 64, 65, ...), ranges that cross
 * words, full and empty maps, caller-provided storage, and bitmap_scan
 * checked against a bit-by-bit reference on pseudo-random maps. */
#include <stdint.h>
#include "kernel/bitmap.h"
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"

#define BITMAP_T_RANDOM_BITS   300u
#define BITMAP_T_RANDOM_ROUNDS 40
#define BITMAP_T_SWAP_SLOTS    100u

static const size_t bitmap_t_sizes[] = {0, 1, 2, 63, 64, 65, 127, 128, 129, 200, 1000};
#define BITMAP_T_NSIZES (sizeof(bitmap_t_sizes) / sizeof(bitmap_t_sizes[0]))

static uint64_t bitmap_t_seed;

/* bitmap_t_rand: a deterministic pseudo-random number (xorshift64). */
static uint64_t bitmap_t_rand(void)
{
    bitmap_t_seed ^= bitmap_t_seed << 13;
    bitmap_t_seed ^= bitmap_t_seed >> 7;
    bitmap_t_seed ^= bitmap_t_seed << 17;
    return bitmap_t_seed;
}

/* bitmap_t_ref_scan: bitmap_scan computed one bit at a time. */
static size_t bitmap_t_ref_scan(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
    size_t n = bitmap_size(b);
    for (size_t i = start; i + cnt <= n; i++) {
        size_t j = 0;
        while (j < cnt && bitmap_test(b, i + j) == value)
            j++;
        if (j == cnt)
            return i;
    }
    return BITMAP_ERROR;
}

/* bitmap_t_ref_count: bitmap_count computed one bit at a time. */
static size_t bitmap_t_ref_count(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
    size_t c = 0;
    for (size_t i = start; i < start + cnt; i++)
        c += bitmap_test(b, i) == value;
    return c;
}

KTEST(bitmap, single_bits_every_size)
{
    for (size_t s = 0; s < BITMAP_T_NSIZES; s++) {
        size_t n = bitmap_t_sizes[s];
        struct bitmap *b = bitmap_create(n);
        KT_ASSERT(b != NULL && bitmap_size(b) == n);
        KT_ASSERT(bitmap_count(b, 0, n, false) == n && bitmap_count(b, 0, n, true) == 0);
        for (size_t i = 0; i < n; i++) {
            KT_ASSERT(!bitmap_test(b, i));
            bitmap_mark(b, i);
            KT_ASSERT(bitmap_test(b, i) && bitmap_count(b, 0, n, true) == i + 1);
        }
        for (size_t i = 0; i < n; i += 2)
            bitmap_reset(b, i);
        for (size_t i = 0; i < n; i++)
            KT_ASSERT(bitmap_test(b, i) == (i % 2 == 1));
        for (size_t i = 0; i < n; i++)
            bitmap_flip(b, i);
        for (size_t i = 0; i < n; i++)
            KT_ASSERT(bitmap_test(b, i) == (i % 2 == 0));
        for (size_t i = 0; i < n; i++)
            bitmap_set(b, i, i % 3 == 0);
        KT_ASSERT(bitmap_count(b, 0, n, true) == (n + 2) / 3);
        bitmap_destroy(b);
    }
    bitmap_destroy(NULL);
}

KTEST(bitmap, full_and_empty)
{
    for (size_t s = 0; s < BITMAP_T_NSIZES; s++) {
        size_t n = bitmap_t_sizes[s];
        struct bitmap *b = bitmap_create(n);
        KT_ASSERT(b != NULL);
        KT_ASSERT(bitmap_all(b, 0, n, false) && !bitmap_contains(b, 0, n, true));
        KT_ASSERT(bitmap_scan(b, 0, n, false) == 0);
        KT_ASSERT(bitmap_scan(b, 0, n + 1, false) == BITMAP_ERROR);
        KT_ASSERT(bitmap_scan(b, 0, 1, true) == BITMAP_ERROR);
        bitmap_set_all(b, true);
        KT_ASSERT(bitmap_count(b, 0, n, true) == n && bitmap_all(b, 0, n, true));
        KT_ASSERT(bitmap_scan(b, 0, 1, false) == BITMAP_ERROR);
        KT_ASSERT(bitmap_scan(b, 0, n, true) == 0);
        KT_ASSERT(bitmap_scan_and_flip(b, 0, 1, false) == BITMAP_ERROR);
        KT_ASSERT(bitmap_scan(b, n, 0, true) == n); /* empty run at the end */
        bitmap_set_all(b, false);
        KT_ASSERT(bitmap_count(b, 0, n, true) == 0);
        bitmap_destroy(b);
    }
}

KTEST(bitmap, ranges_across_words)
{
    struct bitmap *b = bitmap_create(200);
    KT_ASSERT(b != NULL);
    bitmap_set_multiple(b, 60, 10, true); /* bits 60..69 span two words */
    KT_ASSERT(bitmap_count(b, 0, 200, true) == 10);
    for (size_t i = 0; i < 200; i++)
        KT_ASSERT(bitmap_test(b, i) == (i >= 60 && i < 70));
    KT_ASSERT(bitmap_count(b, 64, 6, true) == 6 && bitmap_count(b, 0, 64, true) == 4);
    KT_ASSERT(bitmap_contains(b, 69, 100, true) && !bitmap_contains(b, 70, 130, true));
    KT_ASSERT(bitmap_all(b, 60, 10, true) && !bitmap_all(b, 59, 10, true));
    bitmap_set_multiple(b, 0, 200, true);
    bitmap_set_multiple(b, 1, 198, false); /* all but the ends */
    KT_ASSERT(bitmap_count(b, 0, 200, true) == 2 && bitmap_test(b, 0) && bitmap_test(b, 199));
    bitmap_set_multiple(b, 5, 0, true); /* empty range: no change */
    KT_ASSERT(bitmap_count(b, 0, 200, true) == 2 && bitmap_count(b, 7, 0, true) == 0);
    bitmap_destroy(b);
}

KTEST(bitmap, scan_runs)
{
    /* free runs: 0-9 (10), 11-63 (53), 65-129 (65), 131-199 (69) */
    struct bitmap *b = bitmap_create(200);
    KT_ASSERT(b != NULL);
    bitmap_mark(b, 10);
    bitmap_mark(b, 64);
    bitmap_mark(b, 130);
    KT_ASSERT(bitmap_scan(b, 0, 10, false) == 0);
    KT_ASSERT(bitmap_scan(b, 0, 11, false) == 11);
    KT_ASSERT(bitmap_scan(b, 0, 53, false) == 11);
    KT_ASSERT(bitmap_scan(b, 0, 54, false) == 65);
    KT_ASSERT(bitmap_scan(b, 12, 53, false) == 65);
    KT_ASSERT(bitmap_scan(b, 0, 66, false) == 131);
    KT_ASSERT(bitmap_scan(b, 0, 69, false) == 131);
    KT_ASSERT(bitmap_scan(b, 0, 70, false) == BITMAP_ERROR);
    KT_ASSERT(bitmap_scan(b, 132, 69, false) == BITMAP_ERROR);
    KT_ASSERT(bitmap_scan(b, 0, 1, true) == 10 && bitmap_scan(b, 11, 1, true) == 64);
    KT_ASSERT(bitmap_scan(b, 131, 1, true) == BITMAP_ERROR);
    KT_ASSERT(bitmap_scan(b, 0, 2, true) == BITMAP_ERROR);
    KT_ASSERT(bitmap_scan(b, 199, 1, false) == 199 &&
              bitmap_scan(b, 200, 1, false) == BITMAP_ERROR);
    bitmap_destroy(b);
}

KTEST(bitmap, scan_matches_reference)
{
    bitmap_t_seed = 0x2545f4914f6cdd1dull;
    struct bitmap *b = bitmap_create(BITMAP_T_RANDOM_BITS);
    KT_ASSERT(b != NULL);
    for (int round = 0; round < BITMAP_T_RANDOM_ROUNDS; round++) {
        /* densities from sparse to dense, in runs so long scans can hit */
        unsigned density = (unsigned)(round % 8) + 1;
        for (size_t i = 0; i < BITMAP_T_RANDOM_BITS; i++)
            bitmap_set(b, i, bitmap_t_rand() % 16 < density * 2);
        for (int q = 0; q < 50; q++) {
            size_t start = bitmap_t_rand() % (BITMAP_T_RANDOM_BITS + 1);
            size_t cnt = bitmap_t_rand() % 80;
            bool value = bitmap_t_rand() & 1;
            KT_ASSERT(bitmap_scan(b, start, cnt, value) == bitmap_t_ref_scan(b, start, cnt, value));
            size_t len = bitmap_t_rand() % (BITMAP_T_RANDOM_BITS - start + 1);
            KT_ASSERT(bitmap_count(b, start, len, value) ==
                      bitmap_t_ref_count(b, start, len, value));
        }
    }
    bitmap_destroy(b);
}

KTEST(bitmap, scan_and_flip_slots)
{
    /* allocate swap-like slots one at a time until full, free one, retake */
    struct bitmap *b = bitmap_create(BITMAP_T_SWAP_SLOTS);
    KT_ASSERT(b != NULL);
    for (size_t i = 0; i < BITMAP_T_SWAP_SLOTS; i++)
        KT_ASSERT(bitmap_scan_and_flip(b, 0, 1, false) == i);
    KT_ASSERT(bitmap_scan_and_flip(b, 0, 1, false) == BITMAP_ERROR);
    KT_ASSERT(bitmap_all(b, 0, BITMAP_T_SWAP_SLOTS, true));
    bitmap_reset(b, 50);
    KT_ASSERT(bitmap_scan_and_flip(b, 0, 1, false) == 50);
    bitmap_destroy(b);

    b = bitmap_create(130); /* multi-bit runs */
    KT_ASSERT(b != NULL);
    KT_ASSERT(bitmap_scan_and_flip(b, 0, 64, false) == 0);
    KT_ASSERT(bitmap_scan_and_flip(b, 0, 64, false) == 64);
    KT_ASSERT(bitmap_scan_and_flip(b, 0, 3, false) == BITMAP_ERROR);
    KT_ASSERT(bitmap_count(b, 0, 130, true) == 128); /* failed flip changed nothing */
    KT_ASSERT(bitmap_scan_and_flip(b, 0, 2, false) == 128);
    KT_ASSERT(bitmap_scan_and_flip(b, 10, 5, true) == 10 && bitmap_count(b, 0, 130, false) == 5);
    bitmap_destroy(b);
}

KTEST(bitmap, caller_storage)
{
    uint64_t storage[BITMAP_WORDS(130)];
    struct bitmap b;
    memset(storage, 0xFF, sizeof(storage));
    bitmap_init(&b, 130, storage); /* clears the storage */
    KT_ASSERT(bitmap_size(&b) == 130 && bitmap_count(&b, 0, 130, true) == 0);
    bitmap_set_all(&b, true);
    KT_ASSERT(bitmap_count(&b, 0, 130, true) == 130);
    KT_ASSERT(storage[2] == (1ull << 2) - 1); /* bits past the end stay clear */
    KT_ASSERT(sizeof(storage) == BITMAP_STORAGE_BYTES(130));
}

KTEST(bitmap, no_leaks)
{
    struct kmalloc_stats s0, s;
    kmalloc_get_stats(&s0);
    for (size_t s_i = 0; s_i < BITMAP_T_NSIZES; s_i++)
        bitmap_destroy(bitmap_create(bitmap_t_sizes[s_i]));
    bitmap_destroy(bitmap_create(1u << 20)); /* a large block */
    KT_ASSERT(bitmap_create(SIZE_MAX) == NULL);
    kmalloc_get_stats(&s);
    KT_ASSERT(s.bytes_in_use == s0.bytes_in_use && s.pages_in_use == s0.pages_in_use);
}
