/* Chained hash table (see hash.h for the interface).
 *
 * Each node caches the value of the user's hash function, so resizing
 * never calls back into the user and chains are compared on the cached
 * hash before eq_fn is called. The bucket of a node is the cached hash,
 * mixed again by hash_u64 (a user hash that leaves the low bits constant,
 * like a page address, still spreads), masked by nbuckets - 1.
 *
 * Sizing: the table starts with HASH_MIN_BUCKETS buckets, doubles when
 * count > nbuckets * HASH_MAX_LOAD and halves (never below the minimum)
 * when count * HASH_SHRINK_DIVISOR < nbuckets; the gap between the two
 * keeps a table near a boundary from resizing on every operation. A resize builds the new
 * array on the side and switches at one point; if kmalloc fails the old
 * array stays. A table that could never get an array uses its one built-in
 * bucket (h->fallback), which is slow but correct.
 */
#include "kernel/hash.h"
#include "kernel/panic.h"
#include "mm/kmalloc.h"

#define HASH_MIN_BUCKETS    8u
#define HASH_MAX_LOAD       2u
#define HASH_SHRINK_DIVISOR 4u
#define HASH_FNV_OFFSET     0xcbf29ce484222325ull
#define HASH_FNV_PRIME      0x100000001b3ull

/* hash_bucket: the head pointer of the bucket for cached hash HV. */
static struct hash_node **hash_bucket(const struct hash *h, uint64_t hv)
{
    return &h->buckets[hash_u64(hv) & (h->nbuckets - 1)];
}

/* hash_use_fallback: make H use its single built-in bucket (H is empty or
 * its nodes are about to be relinked). */
static void hash_use_fallback(struct hash *h)
{
    h->fallback = NULL;
    h->buckets = &h->fallback;
    h->nbuckets = 1;
}

/* hash_free_buckets: give back H's bucket array unless it is built in. */
static void hash_free_buckets(struct hash *h)
{
    if (h->buckets != &h->fallback)
        kfree(h->buckets);
}

/* hash_resize: rehash H into NBUCKETS (a power of two) buckets; keeps the
 * current array if the new one cannot be allocated. */
static void hash_resize(struct hash *h, size_t nbuckets)
{
    if (nbuckets > SIZE_MAX / sizeof(struct hash_node *))
        return;
    struct hash_node **buckets = kzalloc(nbuckets * sizeof(*buckets));
    if (!buckets)
        return;
    struct hash_node **old = h->buckets;
    size_t old_n = h->nbuckets;
    h->buckets = buckets;
    h->nbuckets = nbuckets;
    for (size_t i = 0; i < old_n; i++) {
        struct hash_node *node = old[i], *next;
        for (; node; node = next) {
            next = node->next;
            struct hash_node **head = hash_bucket(h, node->hash);
            node->next = *head;
            *head = node;
        }
    }
    if (old != &h->fallback)
        kfree(old);
}

/* hash_maybe_resize: grow or shrink H, in one step, to the size its load
 * calls for (after an insert or remove that is one doubling or halving;
 * after a walk that removed many nodes it may be several halvings). */
static void hash_maybe_resize(struct hash *h)
{
    size_t target = h->nbuckets;
    while (h->count > target * HASH_MAX_LOAD && target <= SIZE_MAX / 2)
        target *= 2;
    while (target > HASH_MIN_BUCKETS && h->count * HASH_SHRINK_DIVISOR < target)
        target /= 2;
    if (target != h->nbuckets)
        hash_resize(h, target);
}

void hash_init(struct hash *h, hash_hash_fn *hash_fn, hash_eq_fn *eq_fn)
{
    h->hash_fn = hash_fn;
    h->eq_fn = eq_fn;
    h->count = 0;
    hash_use_fallback(h);
    hash_resize(h, HASH_MIN_BUCKETS);
}

/* hash_unlink_all: empty every bucket of H, calling DESTRUCTOR (if not
 * NULL) on each node once it is unlinked; the bucket array stays. */
static void hash_unlink_all(struct hash *h, hash_destructor_fn *destructor)
{
    for (size_t i = 0; i < h->nbuckets; i++) {
        struct hash_node *node = h->buckets[i], *next;
        h->buckets[i] = NULL;
        for (; node; node = next) {
            next = node->next;
            if (destructor)
                destructor(node);
        }
    }
    h->count = 0;
}

void hash_clear(struct hash *h, hash_destructor_fn *destructor)
{
    hash_unlink_all(h, destructor);
    if (h->nbuckets > HASH_MIN_BUCKETS)
        hash_resize(h, HASH_MIN_BUCKETS);
}

/* hash_destroy: see hash.h; H is left empty, holding no memory, usable. */
void hash_destroy(struct hash *h, hash_destructor_fn *destructor)
{
    hash_unlink_all(h, destructor);
    hash_free_buckets(h);
    hash_use_fallback(h);
}

/* hash_link_of: the pointer that links the node equal to KEY (whose hash
 * is HV) in H, or the NULL that ends its bucket if there is none. */
static struct hash_node **hash_link_of(const struct hash *h, const struct hash_node *key,
                                       uint64_t hv)
{
    struct hash_node **link = hash_bucket(h, hv);
    for (; *link; link = &(*link)->next)
        if ((*link)->hash == hv && h->eq_fn(*link, key))
            break;
    return link;
}

struct hash_node *hash_insert(struct hash *h, struct hash_node *node)
{
    node->hash = h->hash_fn(node);
    struct hash_node **link = hash_link_of(h, node, node->hash);
    if (*link)
        return *link;
    node->next = NULL;
    *link = node;
    h->count++;
    hash_maybe_resize(h);
    return NULL;
}

struct hash_node *hash_replace(struct hash *h, struct hash_node *node)
{
    struct hash_node *old = hash_remove(h, node);
    struct hash_node *dup = hash_insert(h, node);
    ASSERT(dup == NULL);
    return old;
}

struct hash_node *hash_find(const struct hash *h, const struct hash_node *key)
{
    return *hash_link_of(h, key, h->hash_fn(key));
}

struct hash_node *hash_remove(struct hash *h, const struct hash_node *key)
{
    struct hash_node **link = hash_link_of(h, key, h->hash_fn(key));
    struct hash_node *node = *link;
    if (!node)
        return NULL;
    *link = node->next;
    node->next = NULL;
    h->count--;
    hash_maybe_resize(h);
    return node;
}

size_t hash_size(const struct hash *h)
{
    return h->count;
}

/* hash_advance: move IT to the first node at or after *IT->link, moving on
 * to later buckets as needed; NULL at the end, where the walk is marked
 * done (link NULL) and the resize held back during it is done. */
static struct hash_node *hash_advance(struct hash_iter *it)
{
    while (!*it->link) {
        if (++it->bucket >= it->h->nbuckets) {
            it->cur = NULL;
            it->link = NULL;
            hash_maybe_resize(it->h);
            return NULL;
        }
        it->link = &it->h->buckets[it->bucket];
    }
    it->cur = *it->link;
    return it->cur;
}

struct hash_node *hash_first(struct hash_iter *it, struct hash *h)
{
    it->h = h;
    it->bucket = 0;
    it->link = &h->buckets[0];
    return hash_advance(it);
}

struct hash_node *hash_next(struct hash_iter *it)
{
    if (!it->link) /* the walk already ended */
        return NULL;
    if (it->cur) /* still linked: step over it */
        it->link = &it->cur->next;
    return hash_advance(it);
}

void hash_iter_remove(struct hash_iter *it)
{
    struct hash_node *node = it->cur;
    ASSERT(node && *it->link == node);
    *it->link = node->next;
    node->next = NULL;
    it->h->count--;
    it->cur = NULL;
}

uint64_t hash_bytes(const void *buf, size_t size)
{
    const unsigned char *p = buf;
    uint64_t hv = HASH_FNV_OFFSET;
    for (size_t i = 0; i < size; i++) {
        hv ^= p[i];
        hv *= HASH_FNV_PRIME;
    }
    return hv;
}

/* hash_u64: the splitmix64 finalizer, a bijection with full avalanche. */
uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}
