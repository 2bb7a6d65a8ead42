/* Chained, resizable hash table, intrusive like kernel/list.h: a
 * struct hash_node is embedded in each element and hash_entry() recovers
 * the element. The user supplies the hash of a node and the equality of two
 * nodes; lookups take a "key node" embedded in a stack element whose key
 * fields are set (PintOS style). The bucket array comes from kmalloc and
 * doubles when the load (nodes per bucket) passes HASH_MAX_LOAD, halves
 * when it falls under 1 / HASH_SHRINK_DIVISOR (both in hash.c); when that
 * allocation fails the table just keeps its size, so no operation of the
 * table can fail. No locking: the owner guards it.
 *
 *     struct page { uint64_t va; struct hash_node node; };
 *     static uint64_t page_hash(const struct hash_node *n)
 *     { return hash_u64(hash_entry(n, struct page, node)->va); }
 */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/list.h"

struct hash_node {
    struct hash_node *next; /* next node of the same bucket */
    uint64_t hash;          /* cached hash_fn value */
};

#define hash_entry(node, type, member) container_of(node, type, member)

typedef uint64_t hash_hash_fn(const struct hash_node *node);
typedef bool hash_eq_fn(const struct hash_node *a, const struct hash_node *b);
/* A destructor may free the element that holds NODE. */
typedef void hash_destructor_fn(struct hash_node *node);

struct hash {
    struct hash_node **buckets; /* nbuckets heads (a power of two) */
    size_t nbuckets;
    size_t count;
    hash_hash_fn *hash_fn;
    hash_eq_fn *eq_fn;
    struct hash_node *fallback; /* the single bucket used if no array could be allocated */
};

/* hash_init: make H an empty table using HASH_FN and EQ_FN. Cannot fail
 * (with no memory for buckets it starts with one built-in bucket). */
void hash_init(struct hash *h, hash_hash_fn *hash_fn, hash_eq_fn *eq_fn);
/* hash_destroy: remove every node like hash_clear(H, DESTRUCTOR), then free
 * the bucket array (without shrinking it first). H
 * is left empty and holds no heap memory (it stays usable, slowly, with its
 * built-in bucket; hash_init it again for normal use). */
void hash_destroy(struct hash *h, hash_destructor_fn *destructor);
/* hash_clear: remove every node, calling DESTRUCTOR (if not NULL) on each
 * after it is unlinked; the table shrinks to its minimum size. */
void hash_clear(struct hash *h, hash_destructor_fn *destructor);

/* hash_insert: insert NODE unless an equal node is present; returns that
 * existing node (NODE is not inserted) or NULL when NODE was inserted. */
struct hash_node *hash_insert(struct hash *h, struct hash_node *node);
/* hash_replace: insert NODE, removing and returning an equal node if any. */
struct hash_node *hash_replace(struct hash *h, struct hash_node *node);
/* hash_find: the node equal to KEY, or NULL. */
struct hash_node *hash_find(const struct hash *h, const struct hash_node *key);
/* hash_remove: unlink and return the node equal to KEY, or NULL. KEY may be
 * the node itself. */
struct hash_node *hash_remove(struct hash *h, const struct hash_node *key);
/* hash_size: number of nodes. */
size_t hash_size(const struct hash *h);
static inline bool hash_empty(const struct hash *h)
{
    return hash_size(h) == 0;
}

/* Iteration in unspecified order:
 *     struct hash_iter it;
 *     for (struct hash_node *n = hash_first(&it, h); n; n = hash_next(&it))
 *         if (...) hash_iter_remove(&it);
 * While iterating, the table may change only through hash_iter_remove
 * (which unlinks the current node; the caller may then free it). The table
 * is not resized during the walk; hash_next shrinks it, if due, at the end. */
struct hash_iter {
    struct hash *h;
    size_t bucket;           /* bucket of the current node */
    struct hash_node **link; /* the pointer that links the current node */
    struct hash_node *cur;   /* current node, NULL after hash_iter_remove */
};
struct hash_node *hash_first(struct hash_iter *it, struct hash *h);
struct hash_node *hash_next(struct hash_iter *it);
void hash_iter_remove(struct hash_iter *it);

/* hash_bytes: 64-bit FNV-1a hash of the SIZE bytes at BUF. */
uint64_t hash_bytes(const void *buf, size_t size);
/* hash_u64: a well-mixed hash of X (all bits affect the low bits). */
uint64_t hash_u64(uint64_t x);
/* hash_ptr: hash_u64 of a pointer value. */
static inline uint64_t hash_ptr(const void *p)
{
    return hash_u64((uint64_t)(uintptr_t)p);
}
