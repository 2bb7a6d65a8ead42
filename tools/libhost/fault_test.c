/* Host-only tests (suite hostfault) that make the frame allocator fail on
 * purpose (shim_pmm_fail_after) and check that the heap returns NULL and
 * that its users degrade as documented instead of breaking. */
#include <stdint.h>
#include "kernel/bitmap.h"
#include "kernel/hash.h"
#include "kernel/ktest.h"
#include "mm/kmalloc.h"
#include "tools/libhost/shim.h"

#define FAULT_ITEMS 5000

struct fault_item {
    uint64_t key;
    struct hash_node node;
};

static uint64_t fault_hash(const struct hash_node *n)
{
    return hash_u64(hash_entry(n, struct fault_item, node)->key);
}

static bool fault_eq(const struct hash_node *a, const struct hash_node *b)
{
    return hash_entry(a, struct fault_item, node)->key ==
           hash_entry(b, struct fault_item, node)->key;
}

static struct fault_item fault_items[FAULT_ITEMS];

KTEST(hostfault, kmalloc_null_when_out_of_frames)
{
    struct kmalloc_stats before, after;
    kmalloc_get_stats(&before);
    shim_pmm_fail_after(0);
    void *small = kmalloc(24), *large = kmalloc(20000), *zero = kzalloc(100);
    struct bitmap *b = bitmap_create(1000);
    shim_pmm_fail_reset();
    KT_ASSERT(small == NULL && large == NULL && zero == NULL && b == NULL);
    kmalloc_get_stats(&after);
    KT_ASSERT(after.bytes_in_use == before.bytes_in_use);
    KT_ASSERT(after.pages_in_use == before.pages_in_use);
}

KTEST(hostfault, hash_works_without_memory)
{
    struct hash h;
    struct kmalloc_stats before, after;
    kmalloc_get_stats(&before);
    KT_ASSERT(before.pages_in_use == 0); /* no partial slab to serve from */
    shim_pmm_fail_after(0);
    hash_init(&h, fault_hash, fault_eq); /* falls back to one bucket */
    KT_ASSERT(h.nbuckets == 1);
    for (uint64_t i = 0; i < FAULT_ITEMS; i++) {
        fault_items[i].key = i;
        KT_ASSERT(hash_insert(&h, &fault_items[i].node) == NULL);
    }
    shim_pmm_fail_reset();
    KT_ASSERT(hash_size(&h) == FAULT_ITEMS && h.nbuckets == 1);
    struct fault_item key = {.key = FAULT_ITEMS / 2};
    KT_ASSERT(hash_find(&h, &key.node) == &fault_items[FAULT_ITEMS / 2].node);
    key.key = FAULT_ITEMS + 1; /* the next insert may grow the table again */
    KT_ASSERT(hash_insert(&h, &key.node) == NULL);
    KT_ASSERT(h.nbuckets > 1);
    KT_ASSERT(hash_remove(&h, &key.node) == &key.node);
    for (uint64_t i = 0; i < FAULT_ITEMS; i++)
        KT_ASSERT(hash_find(&h, &fault_items[i].node) == &fault_items[i].node);
    hash_destroy(&h, NULL);
    kmalloc_get_stats(&after);
    KT_ASSERT(after.bytes_in_use == before.bytes_in_use);
    KT_ASSERT(after.pages_in_use == before.pages_in_use);
}

KTEST(hostfault, hash_keeps_size_when_grow_fails)
{
    struct hash h;
    struct kmalloc_stats before;
    kmalloc_get_stats(&before);
    KT_ASSERT(before.pages_in_use == 0); /* growth needs a new slab page */
    hash_init(&h, fault_hash, fault_eq);
    size_t n0 = h.nbuckets;
    shim_pmm_fail_after(0);
    for (uint64_t i = 0; i < FAULT_ITEMS; i++) {
        fault_items[i].key = i * 7;
        KT_ASSERT(hash_insert(&h, &fault_items[i].node) == NULL);
    }
    KT_ASSERT(h.nbuckets == n0);
    for (uint64_t i = 0; i < FAULT_ITEMS; i += 2)
        KT_ASSERT(hash_remove(&h, &fault_items[i].node) == &fault_items[i].node);
    shim_pmm_fail_reset();
    KT_ASSERT(hash_size(&h) == FAULT_ITEMS / 2);
    for (uint64_t i = 1; i < FAULT_ITEMS; i += 2)
        KT_ASSERT(hash_find(&h, &fault_items[i].node) == &fault_items[i].node);
    hash_destroy(&h, NULL);
}
