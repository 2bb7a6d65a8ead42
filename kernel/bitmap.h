/* Bitmap of N bits (swap slots, free maps): bits packed in 64-bit words,
 * bit i in word i / 64 at position i % 64. Storage either comes with the
 * bitmap from the heap (bitmap_create) or is provided by the caller
 * (bitmap_init, with BITMAP_STORAGE_BYTES(N) bytes). No locking: the owner
 * of a bitmap guards it. Indices past the end are kernel bugs (ASSERT). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BITMAP_ERROR               SIZE_MAX
#define BITMAP_WORD_BITS           64u
#define BITMAP_WORDS(bits)         (((bits) + BITMAP_WORD_BITS - 1) / BITMAP_WORD_BITS)
#define BITMAP_STORAGE_BYTES(bits) (BITMAP_WORDS(bits) * sizeof(uint64_t))

struct bitmap {
    size_t bit_cnt;
    uint64_t *bits; /* BITMAP_WORDS(bit_cnt) words; bits past bit_cnt stay 0 */
    bool owned;     /* storage allocated by bitmap_create */
};

/* bitmap_create: a heap-allocated bitmap of BIT_CNT bits, all false, or
 * NULL if out of memory. Free it with bitmap_destroy. */
struct bitmap *bitmap_create(size_t bit_cnt);
/* bitmap_destroy: free a bitmap from bitmap_create (NULL is ignored). */
void bitmap_destroy(struct bitmap *b);
/* bitmap_init: make B a bitmap of BIT_CNT bits, all false, kept in the
 * caller's STORAGE of at least BITMAP_STORAGE_BYTES(BIT_CNT) bytes,
 * 8-byte aligned. Not to be passed to bitmap_destroy. */
void bitmap_init(struct bitmap *b, size_t bit_cnt, void *storage);

/* bitmap_size: number of bits. */
size_t bitmap_size(const struct bitmap *b);

/* Single bits: IDX < bitmap_size(B). */
void bitmap_set(struct bitmap *b, size_t idx, bool value);
void bitmap_mark(struct bitmap *b, size_t idx);  /* set to true */
void bitmap_reset(struct bitmap *b, size_t idx); /* set to false */
void bitmap_flip(struct bitmap *b, size_t idx);
bool bitmap_test(const struct bitmap *b, size_t idx);

/* Ranges: [START, START + CNT) must lie within the bitmap. */
/* bitmap_set_all: every bit to VALUE. */
void bitmap_set_all(struct bitmap *b, bool value);
/* bitmap_set_multiple: the CNT bits from START to VALUE. */
void bitmap_set_multiple(struct bitmap *b, size_t start, size_t cnt, bool value);
/* bitmap_count: how many of the CNT bits from START equal VALUE. */
size_t bitmap_count(const struct bitmap *b, size_t start, size_t cnt, bool value);
/* bitmap_contains: true if any of the CNT bits from START equals VALUE. */
bool bitmap_contains(const struct bitmap *b, size_t start, size_t cnt, bool value);
/* bitmap_all: true if all of the CNT bits from START equal VALUE. */
bool bitmap_all(const struct bitmap *b, size_t start, size_t cnt, bool value);

/* bitmap_scan: the first index >= START that begins CNT consecutive bits
 * equal to VALUE, or BITMAP_ERROR if there is none. CNT == 0 gives START
 * (START <= bitmap_size(B)). */
size_t bitmap_scan(const struct bitmap *b, size_t start, size_t cnt, bool value);
/* bitmap_scan_and_flip: like bitmap_scan, then flips the CNT bits found to
 * !VALUE; returns their first index or BITMAP_ERROR (nothing changed). */
size_t bitmap_scan_and_flip(struct bitmap *b, size_t start, size_t cnt, bool value);
