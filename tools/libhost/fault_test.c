/* Host-only tests (suite hostfault) that make the frame allocator fail on
 * purpose (shim_pmm_fail_after) and check that the heap returns NULL and
 * that its users degrade as documented instead of breaking; and that the
 * descriptor tables undo a half-done fork when copying a file fails
 * (shim_file_dup_fail_after). */
#include <stdint.h>
#include "kernel/bitmap.h"
#include "kernel/errors.h"
#include "kernel/hash.h"
#include "kernel/ktest.h"
#include "mm/kmalloc.h"
#include "proc/fd.h"
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

#define FAULT_FD_HIGH   462
#define FAULT_FD_HIGHER 1000
#define FAULT_FD_SMALL  128 /* the largest table whose slots fit a slab object */

/* fault_heap_bytes: the heap bytes in use now. */
static size_t fault_heap_bytes(void)
{
    struct kmalloc_stats s;
    kmalloc_get_stats(&s);
    return s.bytes_in_use;
}

KTEST(hostfault, fd_dup2_unchanged_when_the_table_cannot_grow)
{
    struct fd_table *t = fd_table_create();
    KT_ASSERT(t != NULL);
    size_t bytes = fault_heap_bytes();
    shim_pmm_fail_after(0); /* the slots of 512 descriptors need a page */
    int r = fd_dup2(t, FD_STDOUT, FAULT_FD_HIGH);
    shim_pmm_fail_reset();
    KT_ASSERT(r == ERR_NO_MEMORY && fault_heap_bytes() == bytes);
    KT_ASSERT(t->size == FD_TABLE_MIN && fd_get(t, FAULT_FD_HIGH) == NULL);
    KT_ASSERT(fd_get(t, FD_STDOUT)->refs == 1);
    KT_ASSERT(fd_dup2(t, FD_STDOUT, FAULT_FD_HIGH) == FAULT_FD_HIGH);
    fd_table_destroy(t);
}

KTEST(hostfault, fd_install_leaves_the_file_when_the_table_cannot_grow)
{
    struct fd_table *t = fd_table_create();
    KT_ASSERT(t != NULL);
    for (int fd = FD_FIRST_FILE; fd < FAULT_FD_SMALL; fd++)
        KT_ASSERT(fd_dup2(t, FD_STDOUT, fd) == fd);
    KT_ASSERT(t->size == FAULT_FD_SMALL);
    struct file *f = shim_file_new();
    KT_ASSERT(f != NULL);
    size_t live = shim_files_live();
    shim_pmm_fail_after(0);
    int r = fd_install(t, f);
    shim_pmm_fail_reset();
    KT_ASSERT(r == ERR_NO_MEMORY && t->size == FAULT_FD_SMALL && t->files == 0);
    KT_ASSERT(shim_files_live() == live);
    KT_ASSERT(fd_install(t, f) == FAULT_FD_SMALL && t->files == 1);
    fd_table_destroy(t);
    KT_ASSERT(shim_files_live() == live - 1);
}

/* fault_fork_fails: fd_table_fork of T fails with ERR, and leaves no copy,
 * no scratch pointer in T and no heap byte or file behind. */
static bool fault_fork_fails(struct fd_table *t, int err)
{
    size_t bytes = fault_heap_bytes(), live = shim_files_live();
    struct fd_table *c = NULL;
    if (fd_table_fork(t, &c) != err || c != NULL)
        return false;
    for (int fd = 0; fd < t->size; fd++)
        if (t->slots[fd] && t->slots[fd]->fork_copy)
            return false;
    return fault_heap_bytes() == bytes && shim_files_live() == live;
}

KTEST(hostfault, fd_fork_unwinds_a_partial_copy)
{
    struct fd_table *t = fd_table_create();
    KT_ASSERT(t != NULL);
    int a = fd_install(t, shim_file_new()), b = fd_install(t, shim_file_new());
    KT_ASSERT(a >= FD_FIRST_FILE && b > a);
    KT_ASSERT(fd_dup2(t, a, FAULT_FD_HIGHER) == FAULT_FD_HIGHER);
    KT_ASSERT(fd_dup2(t, b, FAULT_FD_HIGH) == FAULT_FD_HIGH);
    size_t live = shim_files_live();
    shim_file_dup_fail_after(1); /* the first file is copied, the second fails */
    bool unwound = fault_fork_fails(t, ERR_IO);
    shim_file_dup_fail_reset();
    KT_ASSERT(unwound);
    shim_pmm_fail_after(0); /* the child's slots need pages */
    unwound = fault_fork_fails(t, ERR_NO_MEMORY);
    shim_pmm_fail_reset();
    KT_ASSERT(unwound);
    fd_table_destroy(t);
    KT_ASSERT(shim_files_live() == live - 2);
}
