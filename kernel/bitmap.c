/* Bitmap of N bits packed in 64-bit words.
 *
 * Range operations work a word at a time: a range [start, end) is cut into
 * pieces that each lie within one word and are handled with a mask. The
 * search (bitmap_find) skips whole words that cannot match and finds the
 * first matching bit of a word with a count of trailing zeros, so scanning
 * a mostly full swap map is cheap; bitmap_scan restarts just past the first
 * mismatch of a candidate run. The bits past bit_cnt in the last word stay
 * false and never count. Contracts of the public functions: bitmap.h.
 */
#include "kernel/bitmap.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"

#define BITMAP_ALL_ONES UINT64_MAX
/* Largest bitmap bitmap_create accepts, so the byte count cannot overflow. */
#define BITMAP_MAX_BITS (SIZE_MAX / 2)

/* bitmap_popcount: number of set bits in W (no libgcc helper needed). */
static size_t bitmap_popcount(uint64_t w)
{
    w = w - ((w >> 1) & 0x5555555555555555ull);
    w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
    w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (size_t)((w * 0x0101010101010101ull) >> 56);
}

/* bitmap_mask: a word with the N bits from position OFF set
 * (1 <= N, OFF + N <= BITMAP_WORD_BITS). */
static uint64_t bitmap_mask(size_t off, size_t n)
{
    uint64_t low = n == BITMAP_WORD_BITS ? BITMAP_ALL_ONES : (1ull << n) - 1;
    return low << off;
}

/* bitmap_piece: length of the piece of [I, END) that lies in I's word. */
static size_t bitmap_piece(size_t i, size_t end)
{
    size_t room = BITMAP_WORD_BITS - i % BITMAP_WORD_BITS;
    return end - i < room ? end - i : room;
}

/* bitmap_word: word W of B, inverted when looking for false bits. */
static uint64_t bitmap_word(const struct bitmap *b, size_t w, bool value)
{
    return value ? b->bits[w] : ~b->bits[w];
}

/* bitmap_check_range: assert [START, START + CNT) lies within B. */
static void bitmap_check_range(const struct bitmap *b, size_t start, size_t cnt)
{
    ASSERT(start <= b->bit_cnt && cnt <= b->bit_cnt - start);
}

struct bitmap *bitmap_create(size_t bit_cnt)
{
    if (bit_cnt > BITMAP_MAX_BITS)
        return NULL;
    struct bitmap *b = kmalloc(sizeof(*b) + BITMAP_STORAGE_BYTES(bit_cnt));
    if (!b)
        return NULL;
    bitmap_init(b, bit_cnt, b + 1);
    b->owned = true;
    return b;
}

void bitmap_destroy(struct bitmap *b)
{
    if (!b)
        return;
    ASSERT(b->owned);
    kfree(b);
}

void bitmap_init(struct bitmap *b, size_t bit_cnt, void *storage)
{
    ASSERT(((uintptr_t)storage & (sizeof(uint64_t) - 1)) == 0);
    b->bit_cnt = bit_cnt;
    b->bits = storage;
    b->owned = false;
    memset(storage, 0, BITMAP_STORAGE_BYTES(bit_cnt));
}

size_t bitmap_size(const struct bitmap *b)
{
    return b->bit_cnt;
}

void bitmap_set(struct bitmap *b, size_t idx, bool value)
{
    if (value)
        bitmap_mark(b, idx);
    else
        bitmap_reset(b, idx);
}

void bitmap_mark(struct bitmap *b, size_t idx)
{
    ASSERT(idx < b->bit_cnt);
    b->bits[idx / BITMAP_WORD_BITS] |= 1ull << (idx % BITMAP_WORD_BITS);
}

void bitmap_reset(struct bitmap *b, size_t idx)
{
    ASSERT(idx < b->bit_cnt);
    b->bits[idx / BITMAP_WORD_BITS] &= ~(1ull << (idx % BITMAP_WORD_BITS));
}

void bitmap_flip(struct bitmap *b, size_t idx)
{
    ASSERT(idx < b->bit_cnt);
    b->bits[idx / BITMAP_WORD_BITS] ^= 1ull << (idx % BITMAP_WORD_BITS);
}

bool bitmap_test(const struct bitmap *b, size_t idx)
{
    ASSERT(idx < b->bit_cnt);
    return (b->bits[idx / BITMAP_WORD_BITS] >> (idx % BITMAP_WORD_BITS)) & 1;
}

void bitmap_set_all(struct bitmap *b, bool value)
{
    bitmap_set_multiple(b, 0, b->bit_cnt, value);
}

void bitmap_set_multiple(struct bitmap *b, size_t start, size_t cnt, bool value)
{
    bitmap_check_range(b, start, cnt);
    for (size_t i = start, end = start + cnt, n; i < end; i += n) {
        n = bitmap_piece(i, end);
        uint64_t m = bitmap_mask(i % BITMAP_WORD_BITS, n);
        if (value)
            b->bits[i / BITMAP_WORD_BITS] |= m;
        else
            b->bits[i / BITMAP_WORD_BITS] &= ~m;
    }
}

size_t bitmap_count(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
    size_t count = 0;
    bitmap_check_range(b, start, cnt);
    for (size_t i = start, end = start + cnt, n; i < end; i += n) {
        n = bitmap_piece(i, end);
        uint64_t m = bitmap_mask(i % BITMAP_WORD_BITS, n);
        count += bitmap_popcount(bitmap_word(b, i / BITMAP_WORD_BITS, value) & m);
    }
    return count;
}

/* bitmap_find: the first index in [FROM, END) whose bit equals VALUE, or
 * END if there is none. END <= bitmap_size(B). */
static size_t bitmap_find(const struct bitmap *b, size_t from, size_t end, bool value)
{
    if (from >= end)
        return end;
    size_t w = from / BITMAP_WORD_BITS;
    uint64_t word = bitmap_word(b, w, value) & (BITMAP_ALL_ONES << (from % BITMAP_WORD_BITS));
    while (word == 0) {
        if (++w * BITMAP_WORD_BITS >= end)
            return end;
        word = bitmap_word(b, w, value);
    }
    size_t idx = w * BITMAP_WORD_BITS + (size_t)__builtin_ctzll(word);
    return idx < end ? idx : end;
}

bool bitmap_contains(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
    bitmap_check_range(b, start, cnt);
    return bitmap_find(b, start, start + cnt, value) < start + cnt;
}

bool bitmap_all(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
    return !bitmap_contains(b, start, cnt, !value);
}

size_t bitmap_scan(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
    ASSERT(start <= b->bit_cnt);
    if (cnt == 0)
        return start;
    if (cnt > b->bit_cnt - start)
        return BITMAP_ERROR;
    size_t last = b->bit_cnt - cnt; /* last index a run can begin at */
    size_t i = start;
    for (;;) {
        i = bitmap_find(b, i, last + 1, value);
        if (i > last)
            return BITMAP_ERROR;
        size_t mismatch = bitmap_find(b, i, i + cnt, !value);
        if (mismatch == i + cnt)
            return i;
        i = mismatch + 1;
    }
}

size_t bitmap_scan_and_flip(struct bitmap *b, size_t start, size_t cnt, bool value)
{
    size_t idx = bitmap_scan(b, start, cnt, value);
    if (idx != BITMAP_ERROR)
        bitmap_set_multiple(b, idx, cnt, !value);
    return idx;
}
