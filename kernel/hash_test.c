/* Unit tests of the hash table (suite "hash"): insert/find/remove, equal
 * keys, growth to 100000 entries and shrinking back, iteration that
 * removes, clear/destroy with a destructor, a degenerate hash function,
 * and the hash helpers. Every test frees what it allocates and checks the
 * heap statistics are back where they started. */
#include <stdint.h>
#include "kernel/hash.h"
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"

#define HASH_T_BIG         100000u
#define HASH_T_SMALL       1000u
#define HASH_T_MIN_BUCKETS 8u  /* hash.c's HASH_MIN_BUCKETS */
#define HASH_T_MAX_LOAD    2u  /* hash.c's HASH_MAX_LOAD */
#define HASH_T_SPREAD      64u /* buckets in the spread check */

struct hash_t_item {
    uint64_t key;
    uint64_t value;
    bool visited;
    struct hash_node node;
};

static uint64_t hash_t_hash(const struct hash_node *n)
{
    return hash_u64(hash_entry(n, struct hash_t_item, node)->key);
}

static bool hash_t_eq(const struct hash_node *a, const struct hash_node *b)
{
    return hash_entry(a, struct hash_t_item, node)->key ==
           hash_entry(b, struct hash_t_item, node)->key;
}

/* hash_t_constant: a worst-case hash (every node in one bucket). */
static uint64_t hash_t_constant(const struct hash_node *n)
{
    (void)n;
    return 0;
}

static size_t hash_t_destroyed;

/* hash_t_free_item: destructor that frees the element and counts it. */
static void hash_t_free_item(struct hash_node *n)
{
    kfree(hash_entry(n, struct hash_t_item, node));
    hash_t_destroyed++;
}

/* hash_t_new: a heap element with KEY, VALUE = KEY * 3; NULL if no memory. */
static struct hash_t_item *hash_t_new(uint64_t key)
{
    struct hash_t_item *it = kzalloc(sizeof(*it));
    if (it) {
        it->key = key;
        it->value = key * 3;
    }
    return it;
}

/* hash_t_lookup: the element of H with KEY, or NULL. */
static struct hash_t_item *hash_t_lookup(struct hash *h, uint64_t key)
{
    struct hash_t_item k = {.key = key};
    struct hash_node *n = hash_find(h, &k.node);
    return n ? hash_entry(n, struct hash_t_item, node) : NULL;
}

/* hash_t_same_heap: true if the heap usage equals S0. */
static bool hash_t_same_heap(const struct kmalloc_stats *s0)
{
    struct kmalloc_stats s;
    kmalloc_get_stats(&s);
    return s.bytes_in_use == s0->bytes_in_use && s.pages_in_use == s0->pages_in_use;
}

KTEST(hash, insert_find_remove)
{
    struct hash h;
    struct hash_t_item a = {.key = 1}, b = {.key = 2}, c = {.key = 1ull << 40};
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(hash_empty(&h) && hash_t_lookup(&h, 1) == NULL);
    KT_ASSERT(hash_insert(&h, &a.node) == NULL);
    KT_ASSERT(hash_insert(&h, &b.node) == NULL);
    KT_ASSERT(hash_insert(&h, &c.node) == NULL);
    KT_ASSERT(hash_size(&h) == 3);
    KT_ASSERT(hash_t_lookup(&h, 1) == &a && hash_t_lookup(&h, 2) == &b);
    KT_ASSERT(hash_t_lookup(&h, 1ull << 40) == &c && hash_t_lookup(&h, 3) == NULL);
    struct hash_t_item k = {.key = 2};
    KT_ASSERT(hash_remove(&h, &k.node) == &b.node);
    KT_ASSERT(hash_remove(&h, &k.node) == NULL);
    KT_ASSERT(hash_remove(&h, &a.node) == &a.node); /* by the node itself */
    KT_ASSERT(hash_size(&h) == 1 && hash_t_lookup(&h, 1) == NULL);
    hash_destroy(&h, NULL);
    KT_ASSERT(hash_size(&h) == 0);
}

KTEST(hash, duplicates)
{
    struct hash h;
    struct hash_t_item a = {.key = 7, .value = 1}, b = {.key = 7, .value = 2};
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(hash_insert(&h, &a.node) == NULL);
    KT_ASSERT(hash_insert(&h, &b.node) == &a.node); /* not inserted */
    KT_ASSERT(hash_size(&h) == 1 && hash_t_lookup(&h, 7)->value == 1);
    KT_ASSERT(hash_replace(&h, &b.node) == &a.node);
    KT_ASSERT(hash_size(&h) == 1 && hash_t_lookup(&h, 7)->value == 2);
    struct hash_t_item c = {.key = 8};
    KT_ASSERT(hash_replace(&h, &c.node) == NULL && hash_size(&h) == 2);
    hash_destroy(&h, NULL);
}

/* hash_t_fill: insert elements with keys 0..N-1 scaled by STRIDE into H. */
static bool hash_t_fill(struct hash *h, size_t n, uint64_t stride)
{
    for (size_t i = 0; i < n; i++) {
        struct hash_t_item *it = hash_t_new(i * stride);
        if (!it || hash_insert(h, &it->node) != NULL)
            return false;
    }
    return true;
}

KTEST(hash, big_resize_and_shrink)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    struct hash h;
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(h.nbuckets == HASH_T_MIN_BUCKETS);
    KT_ASSERT(hash_t_fill(&h, HASH_T_BIG, 1));
    KT_ASSERT(hash_size(&h) == HASH_T_BIG);
    KT_ASSERT(h.nbuckets * HASH_T_MAX_LOAD >= HASH_T_BIG && h.nbuckets <= HASH_T_BIG);
    for (uint64_t k = 0; k < HASH_T_BIG; k++) {
        struct hash_t_item *it = hash_t_lookup(&h, k);
        KT_ASSERT(it && it->key == k && it->value == k * 3);
    }
    KT_ASSERT(hash_t_lookup(&h, HASH_T_BIG) == NULL);
    for (uint64_t k = 0; k < HASH_T_BIG; k += 2) { /* remove the evens */
        struct hash_t_item key = {.key = k};
        struct hash_node *n = hash_remove(&h, &key.node);
        KT_ASSERT(n != NULL);
        kfree(hash_entry(n, struct hash_t_item, node));
    }
    KT_ASSERT(hash_size(&h) == HASH_T_BIG / 2);
    for (uint64_t k = 0; k < HASH_T_BIG; k++)
        KT_ASSERT((hash_t_lookup(&h, k) != NULL) == (k % 2 == 1));
    for (uint64_t k = 1; k < HASH_T_BIG; k += 2) { /* then the odds */
        struct hash_t_item key = {.key = k};
        struct hash_node *n = hash_remove(&h, &key.node);
        KT_ASSERT(n != NULL);
        kfree(hash_entry(n, struct hash_t_item, node));
    }
    KT_ASSERT(hash_empty(&h) && h.nbuckets == HASH_T_MIN_BUCKETS);
    hash_destroy(&h, NULL);
    KT_ASSERT(hash_t_same_heap(&s0));
}

KTEST(hash, iterate_and_remove)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    struct hash h;
    struct hash_iter iter;
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(hash_t_fill(&h, HASH_T_SMALL, 1));
    size_t seen = 0;
    for (struct hash_node *n = hash_first(&iter, &h); n; n = hash_next(&iter)) {
        struct hash_t_item *it = hash_entry(n, struct hash_t_item, node);
        KT_ASSERT(!it->visited);
        it->visited = true;
        seen++;
        if (it->key % 2) { /* remove the odd keys while walking */
            hash_iter_remove(&iter);
            kfree(it);
        }
    }
    KT_ASSERT(hash_next(&iter) == NULL); /* stays finished */
    KT_ASSERT(seen == HASH_T_SMALL && hash_size(&h) == HASH_T_SMALL / 2);
    seen = 0;
    for (struct hash_node *n = hash_first(&iter, &h); n; n = hash_next(&iter)) {
        struct hash_t_item *it = hash_entry(n, struct hash_t_item, node);
        KT_ASSERT(it->key % 2 == 0 && it->visited);
        seen++;
    }
    KT_ASSERT(seen == HASH_T_SMALL / 2);
    hash_destroy(&h, hash_t_free_item);
    KT_ASSERT(hash_t_same_heap(&s0));
}

KTEST(hash, remove_all_while_iterating_shrinks)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    struct hash h;
    struct hash_iter iter;
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(hash_t_fill(&h, HASH_T_BIG / 10, 1));
    size_t grown = h.nbuckets;
    KT_ASSERT(grown > HASH_T_MIN_BUCKETS);
    for (struct hash_node *n = hash_first(&iter, &h); n; n = hash_next(&iter)) {
        KT_ASSERT(h.nbuckets == grown); /* no resize during the walk */
        hash_iter_remove(&iter);
        kfree(hash_entry(n, struct hash_t_item, node));
    }
    KT_ASSERT(hash_empty(&h) && h.nbuckets == HASH_T_MIN_BUCKETS);
    hash_destroy(&h, NULL);
    KT_ASSERT(hash_t_same_heap(&s0));
}

KTEST(hash, clear_and_reuse)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    struct hash h;
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(hash_t_fill(&h, HASH_T_SMALL, 5));
    hash_t_destroyed = 0;
    hash_clear(&h, hash_t_free_item);
    KT_ASSERT(hash_t_destroyed == HASH_T_SMALL && hash_empty(&h));
    KT_ASSERT(h.nbuckets == HASH_T_MIN_BUCKETS && hash_t_lookup(&h, 5) == NULL);
    KT_ASSERT(hash_t_fill(&h, HASH_T_SMALL, 5)); /* reusable after clear */
    KT_ASSERT(hash_t_lookup(&h, 5)->value == 15);
    hash_t_destroyed = 0;
    hash_destroy(&h, hash_t_free_item);
    KT_ASSERT(hash_t_destroyed == HASH_T_SMALL);
    KT_ASSERT(hash_t_same_heap(&s0));
}

KTEST(hash, degenerate_hash_function)
{
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    struct hash h;
    hash_init(&h, hash_t_constant, hash_t_eq);
    KT_ASSERT(hash_t_fill(&h, HASH_T_SMALL, 1));
    for (uint64_t k = 0; k < HASH_T_SMALL; k++)
        KT_ASSERT(hash_t_lookup(&h, k) && hash_t_lookup(&h, k)->key == k);
    struct hash_t_item key = {.key = HASH_T_SMALL / 2};
    struct hash_node *n = hash_remove(&h, &key.node);
    KT_ASSERT(n != NULL);
    kfree(hash_entry(n, struct hash_t_item, node));
    KT_ASSERT(hash_t_lookup(&h, HASH_T_SMALL / 2) == NULL);
    hash_destroy(&h, hash_t_free_item);
    KT_ASSERT(hash_t_same_heap(&s0));
}

KTEST(hash, page_address_keys)
{
    /* keys like the supplemental page table's: multiples of 4096 */
    struct kmalloc_stats s0;
    kmalloc_get_stats(&s0);
    struct hash h;
    hash_init(&h, hash_t_hash, hash_t_eq);
    KT_ASSERT(hash_t_fill(&h, HASH_T_SMALL, 4096));
    for (uint64_t k = 0; k < HASH_T_SMALL; k++)
        KT_ASSERT(hash_t_lookup(&h, k * 4096) != NULL && hash_t_lookup(&h, k * 4096 + 1) == NULL);
    hash_destroy(&h, hash_t_free_item);
    KT_ASSERT(hash_t_same_heap(&s0));
}

KTEST(hash, helpers)
{
    /* published FNV-1a 64-bit test vectors */
    KT_ASSERT(hash_bytes("", 0) == 0xcbf29ce484222325ull);
    KT_ASSERT(hash_bytes("a", 1) == 0xaf63dc4c8601ec8cull);
    KT_ASSERT(hash_bytes("foobar", 6) == 0x85944171f73967e8ull);
    KT_ASSERT(hash_u64(1) != hash_u64(2) && hash_u64(42) == hash_u64(42));
    /* consecutive page addresses spread over the low bits */
    bool seen[HASH_T_SPREAD] = {false};
    size_t distinct = 0;
    for (uint64_t k = 0; k < HASH_T_SPREAD; k++) {
        uint64_t b = hash_u64(k * 4096) % HASH_T_SPREAD;
        distinct += !seen[b];
        seen[b] = true;
    }
    KT_ASSERT(distinct > HASH_T_SPREAD / 2);
    int x, y;
    KT_ASSERT(hash_ptr(&x) != hash_ptr(&y));
}
