/* Unit tests of the kernel heap (suite "heap"): every size class, large
 * blocks, alignment, many allocations freed in mixed order with their
 * contents checked, exact statistics, debug poisoning, and the leak rule:
 * after everything is freed, bytes_in_use, pages_in_use and the frame
 * allocator's free count are back where they started. Tests compare deltas,
 * so they also hold when other subsystems have live allocations. */
#include <stdint.h>
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "mm/pmm.h"

#define HEAP_T_ALIGN         16u
#define HEAP_T_MANY          2000
#define HEAP_T_MAX_SMALL     1024u
#define HEAP_T_RAND_MAX_SIZE 6000u
#define HEAP_T_LARGE_EVERY   50 /* one request in this many is multi-page */
#define HEAP_T_LARGE_SIZE    (3 * PAGE_SIZE + 123)

/* Request sizes at and around each class boundary, and large ones. */
static const size_t heap_t_sizes[] = {
    0,    1,    8,    15,   16,   17,   31,   32,    33,     63,       64,   65,
    127,  128,  129,  255,  256,  257,  511,  512,   513,    1023,     1024, 1025,
    2000, 2048, 4000, 4096, 5000, 8192, 8193, 65536, 100000, 1u << 20,
};
#define HEAP_T_NSIZES (sizeof(heap_t_sizes) / sizeof(heap_t_sizes[0]))

static void *heap_t_ptrs[HEAP_T_MANY];
static size_t heap_t_lens[HEAP_T_MANY];
static uint64_t heap_t_seed;

/* heap_t_rand: a deterministic pseudo-random number (xorshift64). */
static uint64_t heap_t_rand(void)
{
    heap_t_seed ^= heap_t_seed << 13;
    heap_t_seed ^= heap_t_seed >> 7;
    heap_t_seed ^= heap_t_seed << 17;
    return heap_t_seed;
}

/* heap_t_fill: write a pattern derived from TAG over the LEN bytes at P. */
static void heap_t_fill(void *p, size_t len, unsigned tag)
{
    unsigned char *b = p;
    for (size_t i = 0; i < len; i++)
        b[i] = (unsigned char)(tag * 31 + i);
}

/* heap_t_check: true if the LEN bytes at P still hold TAG's pattern. */
static bool heap_t_check(const void *p, size_t len, unsigned tag)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++)
        if (b[i] != (unsigned char)(tag * 31 + i))
            return false;
    return true;
}

/* heap_t_same: true if the heap and the frame allocator are as in S0/F0. */
static bool heap_t_same(const struct kmalloc_stats *s0, size_t f0)
{
    struct kmalloc_stats s;
    kmalloc_get_stats(&s);
    return s.bytes_in_use == s0->bytes_in_use && s.pages_in_use == s0->pages_in_use &&
           pmm_free_count() == f0;
}

KTEST(heap, every_size_class)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    size_t f0 = pmm_free_count();
    for (size_t i = 0; i < HEAP_T_NSIZES; i++) {
        heap_t_ptrs[i] = kmalloc(heap_t_sizes[i]);
        KT_ASSERT(heap_t_ptrs[i] != NULL);
        KT_ASSERT((uintptr_t)heap_t_ptrs[i] % HEAP_T_ALIGN == 0);
        heap_t_fill(heap_t_ptrs[i], heap_t_sizes[i], (unsigned)i);
    }
    for (size_t i = 0; i < HEAP_T_NSIZES; i++)
        for (size_t j = 0; j < i; j++)
            KT_ASSERT(heap_t_ptrs[i] != heap_t_ptrs[j]);
    for (size_t i = 0; i < HEAP_T_NSIZES; i++) {
        KT_ASSERT(heap_t_check(heap_t_ptrs[i], heap_t_sizes[i], (unsigned)i));
        kfree(heap_t_ptrs[i]);
    }
    KT_ASSERT(heap_t_same(&s0, f0));
}

KTEST(heap, stats_are_exact)
{
    struct kmalloc_stats s0, s;
    kmalloc_get_stats(&s0);
    size_t total = 0;
    for (size_t i = 0; i < HEAP_T_NSIZES; i++) {
        heap_t_ptrs[i] = kmalloc(heap_t_sizes[i]);
        KT_ASSERT(heap_t_ptrs[i] != NULL);
        total += heap_t_sizes[i];
        kmalloc_get_stats(&s);
        KT_ASSERT(s.bytes_in_use == s0.bytes_in_use + total);
    }
    KT_ASSERT(s.pages_in_use > s0.pages_in_use);
    for (size_t i = HEAP_T_NSIZES; i-- > 0;) {
        kfree(heap_t_ptrs[i]);
        total -= heap_t_sizes[i];
        kmalloc_get_stats(&s);
        KT_ASSERT(s.bytes_in_use == s0.bytes_in_use + total);
    }
    KT_ASSERT(s.pages_in_use == s0.pages_in_use);
}

KTEST(heap, large_blocks)
{
    static const size_t sizes[] = {HEAP_T_MAX_SMALL + 1, PAGE_SIZE, 5 * PAGE_SIZE + 1, 256 * 1024,
                                   2u << 20};
    struct kmalloc_stats s0, s;
    kmalloc_get_stats(&s0);
    size_t f0 = pmm_free_count();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        char *p = kmalloc(sizes[i]);
        KT_ASSERT(p != NULL && (uintptr_t)p % HEAP_T_ALIGN == 0);
        kmalloc_get_stats(&s);
        KT_ASSERT(s.bytes_in_use == s0.bytes_in_use + sizes[i]);
        KT_ASSERT(s.pages_in_use >= s0.pages_in_use + PAGE_ROUND_UP(sizes[i]) / PAGE_SIZE);
        KT_ASSERT(pmm_free_count() == f0 - (s.pages_in_use - s0.pages_in_use));
        heap_t_fill(p, sizes[i], (unsigned)i);
        KT_ASSERT(heap_t_check(p, sizes[i], (unsigned)i));
        kfree(p);
        KT_ASSERT(heap_t_same(&s0, f0));
    }
}

KTEST(heap, zero_and_overflow)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    size_t f0 = pmm_free_count();
    void *a = kmalloc(0), *b = kmalloc(0);
    KT_ASSERT(a != NULL && b != NULL && a != b);
    kfree(a);
    kfree(b);
    kfree(NULL);
    KT_ASSERT(kmalloc(SIZE_MAX) == NULL);
    KT_ASSERT(kmalloc(SIZE_MAX - PAGE_SIZE) == NULL);
    KT_ASSERT(kzalloc(SIZE_MAX / 2) == NULL);
    KT_ASSERT(kmalloc((size_t)1 << 48) == NULL); /* more than any RAM */
    KT_ASSERT(heap_t_same(&s0, f0));
}

KTEST(heap, kzalloc_zeroes)
{
    for (size_t i = 0; i < HEAP_T_NSIZES; i++) {
        /* dirty a block first so a reused slot would show old bytes */
        char *d = kmalloc(heap_t_sizes[i]);
        KT_ASSERT(d != NULL);
        memset(d, 0x5A, heap_t_sizes[i]);
        kfree(d);
        unsigned char *p = kzalloc(heap_t_sizes[i]);
        KT_ASSERT(p != NULL);
        for (size_t j = 0; j < heap_t_sizes[i]; j++)
            KT_ASSERT(p[j] == 0);
        kfree(p);
    }
}

/* heap_t_alloc_random: fill slot I with a random-size block, tagged I. */
static bool heap_t_alloc_random(size_t i)
{
    size_t len = heap_t_rand() % HEAP_T_RAND_MAX_SIZE;
    if (heap_t_rand() % HEAP_T_LARGE_EVERY == 0)
        len = HEAP_T_LARGE_SIZE;
    heap_t_ptrs[i] = kmalloc(len);
    heap_t_lens[i] = len;
    if (heap_t_ptrs[i])
        heap_t_fill(heap_t_ptrs[i], len, (unsigned)i);
    return heap_t_ptrs[i] != NULL;
}

/* heap_t_free_slot: check and free the block in slot I (if any). */
static bool heap_t_free_slot(size_t i)
{
    bool ok = !heap_t_ptrs[i] || heap_t_check(heap_t_ptrs[i], heap_t_lens[i], (unsigned)i);
    kfree(heap_t_ptrs[i]);
    heap_t_ptrs[i] = NULL;
    return ok;
}

KTEST(heap, many_mixed_order)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    size_t f0 = pmm_free_count();
    heap_t_seed = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < HEAP_T_MANY; i++)
        KT_ASSERT(heap_t_alloc_random(i));
    for (size_t i = 1; i < HEAP_T_MANY; i += 2) /* odd slots */
        KT_ASSERT(heap_t_free_slot(i));
    for (size_t round = 0; round < HEAP_T_MANY * 4; round++) { /* churn */
        size_t i = heap_t_rand() % HEAP_T_MANY;
        if (heap_t_ptrs[i])
            KT_ASSERT(heap_t_free_slot(i));
        else
            KT_ASSERT(heap_t_alloc_random(i));
    }
    for (size_t i = HEAP_T_MANY; i-- > 0;) /* the rest, backwards */
        KT_ASSERT(heap_t_free_slot(i));
    KT_ASSERT(heap_t_same(&s0, f0));
}

KTEST(heap, fills_and_empties_slabs)
{
    struct kmalloc_stats s0, s;
    kmalloc_get_stats(&s0);
    for (size_t cls = HEAP_T_ALIGN; cls <= HEAP_T_MAX_SMALL; cls *= 2) {
        for (size_t i = 0; i < HEAP_T_MANY; i++) { /* many pages' worth */
            heap_t_ptrs[i] = kmalloc(cls);
            KT_ASSERT(heap_t_ptrs[i] != NULL);
        }
        kmalloc_get_stats(&s);
        KT_ASSERT(s.pages_in_use >= s0.pages_in_use + HEAP_T_MANY * cls / PAGE_SIZE);
        for (size_t i = 0; i < HEAP_T_MANY; i += 2)
            kfree(heap_t_ptrs[i]);
        for (size_t i = 1; i < HEAP_T_MANY; i += 2)
            kfree(heap_t_ptrs[i]);
        kmalloc_get_stats(&s);
        KT_ASSERT(s.pages_in_use == s0.pages_in_use);
        KT_ASSERT(s.bytes_in_use == s0.bytes_in_use);
    }
}

#ifdef KERNEL_DEBUG
/* heap_t_all: true if the LEN bytes at P all equal BYTE. */
static bool heap_t_all(const void *p, size_t len, unsigned char byte)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++)
        if (b[i] != byte)
            return false;
    return true;
}

#define HEAP_T_POISON_ALLOC 0xCC
#define HEAP_T_POISON_FREE  0xDD
#define HEAP_T_POISON_SIZE  100
#define HEAP_T_POISON_CLASS 128 /* the class of HEAP_T_POISON_SIZE */

KTEST(heap, debug_poisoning)
{
    for (size_t i = 0; i < HEAP_T_NSIZES; i++) {
        void *p = kmalloc(heap_t_sizes[i]);
        KT_ASSERT(p != NULL && heap_t_all(p, heap_t_sizes[i], HEAP_T_POISON_ALLOC));
        kfree(p);
    }
    /* A freed object whose page stays alive (a neighbour is live) is
     * filled with the free poison, past the free-list link word. */
    char *keep = kmalloc(HEAP_T_POISON_SIZE);
    char *p = kmalloc(HEAP_T_POISON_SIZE);
    KT_ASSERT(keep && p);
    if (PAGE_ROUND_DOWN((uintptr_t)keep) != PAGE_ROUND_DOWN((uintptr_t)p)) {
        char *q = kmalloc(HEAP_T_POISON_SIZE); /* keep's page was full */
        kfree(keep);
        keep = q;
        KT_ASSERT(PAGE_ROUND_DOWN((uintptr_t)keep) == PAGE_ROUND_DOWN((uintptr_t)p));
    }
    memset(p, 0, HEAP_T_POISON_SIZE);
    kfree(p);
    KT_ASSERT(
        heap_t_all(p + sizeof(void *), HEAP_T_POISON_CLASS - sizeof(void *), HEAP_T_POISON_FREE));
    kfree(keep);
}
#endif
