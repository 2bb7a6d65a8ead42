/* Buffer cache (see bcache.h for the model and the locking rules).
 *
 * All buffers sit on one LRU list, most recently used at the front. A miss
 * takes the least recently used unpinned buffer (writing it first if it is
 * dirty), and also tries to fill up to BCACHE_READAHEAD_MAX - 1 following
 * blocks that are not cached yet into clean unpinned buffers, reading them
 * all with one block_read into a staging area. The valid buffers are also
 * indexed by block number in a fixed hash table (one bucket per buffer,
 * allocated with the cache, so it never resizes), so a lookup does not
 * walk the list: every get looks up one block, and read-ahead and
 * clustered write-back up to BCACHE_READAHEAD_MAX more. */
#include "fs/bcache.h"

#include "kernel/errors.h"
#include "kernel/list.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"

struct bcache {
    struct lock lock; /* guards everything below */
    struct block_device *dev;
    uint32_t block_size;
    uint32_t sectors_per_block;
    uint64_t nblocks; /* blocks on the device */
    size_t nbufs;
    struct buf *bufs;   /* array of nbufs */
    uint8_t *data;      /* nbufs * block_size bytes */
    uint8_t *staging;   /* BCACHE_READAHEAD_MAX blocks for read-ahead */
    struct list lru;    /* all buffers, most recently used first */
    struct buf **index; /* nbufs buckets: valid buffers by blockno */
    struct bcache_stats stats;
};

/* bucket: the index bucket of BLOCKNO. Block numbers need no mixing:
 * the blocks cached together are mostly runs of neighbours, which this
 * spreads over consecutive buckets. */
static struct buf **bucket(struct bcache *c, uint64_t blockno)
{
    return &c->index[blockno % c->nbufs];
}

/* bcache_create: see bcache.h. */
struct bcache *bcache_create(struct block_device *dev, uint32_t block_size, size_t nbufs)
{
    if (block_size == 0 || block_size % BLOCK_SECTOR_SIZE != 0 || nbufs == 0)
        return NULL;
    struct bcache *c = kzalloc(sizeof(*c));
    if (!c)
        return NULL;
    c->bufs = kzalloc(nbufs * sizeof(struct buf));
    c->data = kmalloc(nbufs * block_size);
    c->staging = kmalloc(BCACHE_READAHEAD_MAX * block_size);
    c->index = kzalloc(nbufs * sizeof(*c->index));
    if (!c->bufs || !c->data || !c->staging || !c->index)
        goto fail;
    lock_init(&c->lock);
    c->dev = dev;
    c->block_size = block_size;
    c->sectors_per_block = block_size / BLOCK_SECTOR_SIZE;
    c->nblocks = dev->sector_count / c->sectors_per_block;
    c->nbufs = nbufs;
    list_init(&c->lru);
    for (size_t i = 0; i < nbufs; i++) {
        c->bufs[i].data = c->data + i * block_size;
        c->bufs[i].cache = c;
        list_push_back(&c->lru, &c->bufs[i].lru);
    }
    return c;
fail:
    kfree(c->index);
    kfree(c->staging);
    kfree(c->data);
    kfree(c->bufs);
    kfree(c);
    return NULL;
}

/* write_buf_locked: write B's contents to the device and mark it clean. */
static int write_buf_locked(struct bcache *c, struct buf *b)
{
    int err = block_write(c->dev, b->blockno * c->sectors_per_block, c->sectors_per_block, b->data);
    if (err < 0) {
        printf("bcache: write of block %llu failed (%s)\n", (unsigned long long)b->blockno,
               err_name(err));
        return ERR_IO;
    }
    b->dirty = false;
    c->stats.writes++;
    return 0;
}

/* lookup_locked: the valid buffer holding BLOCKNO, or NULL. */
static struct buf *lookup_locked(struct bcache *c, uint64_t blockno)
{
    for (struct buf *b = *bucket(c, blockno); b; b = b->hash_next)
        if (b->blockno == blockno)
            return b;
    return NULL;
}

/* validate_locked: B (invalid, claimed) now holds block BLOCKNO. */
static void validate_locked(struct bcache *c, struct buf *b, uint64_t blockno)
{
    ASSERT(!b->valid);
    struct buf **head = bucket(c, blockno);
    b->blockno = blockno;
    b->valid = true;
    b->hash_next = *head;
    *head = b;
}

/* invalidate_locked: B no longer holds a block. */
static void invalidate_locked(struct bcache *c, struct buf *b)
{
    if (!b->valid)
        return;
    struct buf **link = bucket(c, b->blockno);
    while (*link != b)
        link = &(*link)->hash_next;
    *link = b->hash_next;
    b->valid = false;
}

static int write_run_locked(struct bcache *c, struct buf **list, size_t n);

/* write_cluster_locked: write dirty B together with the dirty, unpinned
 * buffers of the blocks right after it (up to BCACHE_READAHEAD_MAX blocks
 * in all) in one request: a file written sequentially leaves runs of dirty
 * neighbours, and one large write costs little more than one block. */
static int write_cluster_locked(struct bcache *c, struct buf *b)
{
    struct buf *run[BCACHE_READAHEAD_MAX];
    size_t n = 0;
    run[n++] = b;
    while (n < BCACHE_READAHEAD_MAX) {
        struct buf *next = lookup_locked(c, b->blockno + n);
        if (!next || !next->dirty || next->refcnt > 0)
            break;
        run[n++] = next;
    }
    return write_run_locked(c, run, n);
}

/* victim_locked: the least recently used unpinned buffer, written back
 * (with its dirty successors, write_cluster_locked) and invalidated; with
 * CLEAN_ONLY, skip dirty ones. NULL if none (or if a write-back failed:
 * ERR_IO in *ERR). */
static struct buf *victim_locked(struct bcache *c, bool clean_only, int *err)
{
    *err = ERR_BUSY;
    for (struct list_node *n = c->lru.head.prev; n != &c->lru.head; n = n->prev) {
        struct buf *b = list_entry(n, struct buf, lru);
        if (b->refcnt > 0 || (clean_only && b->dirty))
            continue;
        if (b->valid && b->dirty && (*err = write_cluster_locked(c, b)) < 0)
            return NULL;
        invalidate_locked(c, b);
        *err = 0;
        return b;
    }
    return NULL;
}

/* touch_locked: move B to the front of the LRU list. */
static void touch_locked(struct bcache *c, struct buf *b)
{
    list_remove(&b->lru);
    list_push_front(&c->lru, &b->lru);
}

/* gather_readahead_locked: claim buffers for the blocks after FIRST that are
 * on the device and not cached, stopping at the first that is. BUFS[0] is
 * already claimed; returns the number of buffers in BUFS. */
static size_t gather_readahead_locked(struct bcache *c, uint64_t first, struct buf **bufs)
{
    size_t n = 1;
    int err;
    while (n < BCACHE_READAHEAD_MAX && first + n < c->nblocks && !lookup_locked(c, first + n)) {
        struct buf *b = victim_locked(c, true, &err);
        if (!b)
            break;
        b->refcnt = 1; /* keep it from being chosen twice */
        bufs[n++] = b;
    }
    return n;
}

/* fill_locked: read block FIRST into the claimed buffer B, with read-ahead.
 * On return B is valid (or an error is returned and B stays invalid). */
static int fill_locked(struct bcache *c, uint64_t first, struct buf *b)
{
    struct buf *bufs[BCACHE_READAHEAD_MAX];
    bufs[0] = b;
    b->refcnt = 1; /* not a read-ahead victim itself */
    size_t n = gather_readahead_locked(c, first, bufs);
    uint32_t spb = c->sectors_per_block;
    int err = block_read(c->dev, first * spb, (uint32_t)(n * spb), c->staging);
    if (err < 0 && n > 1) {
        for (size_t i = 1; i < n; i++)
            bufs[i]->refcnt = 0; /* stay invalid */
        n = 1;
        err = block_read(c->dev, first * spb, spb, c->staging);
    }
    for (size_t i = 0; i < n; i++) {
        bufs[i]->refcnt = 0;
        if (err < 0)
            continue;
        memcpy(bufs[i]->data, c->staging + i * c->block_size, c->block_size);
        bufs[i]->dirty = false;
        validate_locked(c, bufs[i], first + i);
    }
    if (err < 0)
        return ERR_IO;
    c->stats.reads += n;
    c->stats.readaheads += n - 1;
    return 0;
}

/* get_common: pin BLOCKNO; READ says whether a miss reads the device or
 * zero-fills (and dirties) the buffer. */
static int get_common(struct bcache *c, uint64_t blockno, bool read, struct buf **out)
{
    int err = 0;
    if (blockno >= c->nblocks)
        return ERR_INVALID;
    lock_acquire(&c->lock);
    struct buf *b = lookup_locked(c, blockno);
    if (b) {
        c->stats.hits++;
    } else {
        c->stats.misses++;
        b = victim_locked(c, false, &err);
        if (!b)
            goto out;
        if (read && (err = fill_locked(c, blockno, b)) < 0)
            goto out;
        if (!read)
            validate_locked(c, b, blockno);
    }
    if (!read) {
        memset(b->data, 0, c->block_size);
        b->dirty = true;
    }
    b->refcnt++;
    touch_locked(c, b);
    *out = b;
out:
    lock_release(&c->lock);
    return err;
}

/* bcache_get: see bcache.h. */
int bcache_get(struct bcache *c, uint64_t blockno, struct buf **out)
{
    return get_common(c, blockno, true, out);
}

/* bcache_get_zero: see bcache.h. */
int bcache_get_zero(struct bcache *c, uint64_t blockno, struct buf **out)
{
    return get_common(c, blockno, false, out);
}

/* bcache_mark_dirty: see bcache.h. */
void bcache_mark_dirty(struct buf *b)
{
    ASSERT(b->refcnt > 0);
    lock_acquire(&b->cache->lock);
    b->dirty = true;
    lock_release(&b->cache->lock);
}

/* bcache_release: see bcache.h. */
void bcache_release(struct buf *b)
{
    if (!b)
        return;
    struct bcache *c = b->cache;
    lock_acquire(&c->lock);
    if (b->refcnt <= 0)
        panic("bcache_release: block %llu not held", (unsigned long long)b->blockno);
    b->refcnt--;
    lock_release(&c->lock);
}

/* bcache_forget: see bcache.h. The buffer goes to the LRU end, free. A
 * held buffer (a corrupted disk that frees a block still in use as an
 * indirect block, say) is left alone. */
void bcache_forget(struct bcache *c, uint64_t blockno)
{
    lock_acquire(&c->lock);
    struct buf *b = lookup_locked(c, blockno);
    if (b && b->refcnt == 0) { /* held: only on a corrupted disk (a block both in use and freed) */
        invalidate_locked(c, b);
        b->dirty = false;
        list_remove(&b->lru);
        list_push_back(&c->lru, &b->lru);
    }
    lock_release(&c->lock);
}

/* sorted_dirty_locked: the dirty buffers in block order, into LIST
 * (nbufs entries); returns how many. Insertion sort: it runs at sync
 * only, over at most nbufs items. */
static size_t sorted_dirty_locked(struct bcache *c, struct buf **list)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nbufs; i++) {
        struct buf *b = &c->bufs[i];
        if (!b->valid || !b->dirty)
            continue;
        size_t j = n++;
        while (j > 0 && list[j - 1]->blockno > b->blockno) {
            list[j] = list[j - 1];
            j--;
        }
        list[j] = b;
    }
    return n;
}

/* write_run_locked: write the N buffers LIST[0..N) of consecutive blocks
 * with one block_write through the staging area. */
static int write_run_locked(struct bcache *c, struct buf **list, size_t n)
{
    if (n == 1)
        return write_buf_locked(c, list[0]);
    for (size_t i = 0; i < n; i++)
        memcpy(c->staging + i * c->block_size, list[i]->data, c->block_size);
    uint32_t spb = c->sectors_per_block;
    if (block_write(c->dev, list[0]->blockno * spb, (uint32_t)(n * spb), c->staging) < 0) {
        printf("bcache: write of blocks %llu+%zu failed\n", (unsigned long long)list[0]->blockno,
               n);
        return ERR_IO;
    }
    for (size_t i = 0; i < n; i++)
        list[i]->dirty = false;
    c->stats.writes += n;
    return 0;
}

/* bcache_sync: see bcache.h. Writes in block order, runs of consecutive
 * blocks (up to BCACHE_READAHEAD_MAX) in one request; keeps going after an
 * error so that as much as possible reaches the disk; then flushes the
 * device, so that what was written is durable when it returns. */
int bcache_sync(struct bcache *c)
{
    int result = 0;
    struct buf **list = kmalloc(c->nbufs * sizeof(*list));
    lock_acquire(&c->lock);
    size_t n = list ? sorted_dirty_locked(c, list) : 0;
    for (size_t i = 0; i < n;) {
        size_t run = 1;
        while (i + run < n && run < BCACHE_READAHEAD_MAX &&
               list[i + run]->blockno == list[i]->blockno + run)
            run++;
        int err = write_run_locked(c, list + i, run);
        if (err < 0 && result == 0)
            result = err;
        i += run;
    }
    for (size_t i = 0; !list && i < c->nbufs; i++) {
        struct buf *b = &c->bufs[i]; /* out of memory: one at a time */
        int err = b->valid && b->dirty ? write_buf_locked(c, b) : 0;
        if (err < 0 && result == 0)
            result = err;
    }
    if (block_flush(c->dev) < 0 && result == 0)
        result = ERR_IO;
    lock_release(&c->lock);
    kfree(list);
    return result;
}

/* bcache_destroy: see bcache.h. */
int bcache_destroy(struct bcache *c)
{
    int err = bcache_sync(c);
    for (size_t i = 0; i < c->nbufs; i++)
        if (c->bufs[i].refcnt != 0)
            panic("bcache_destroy: block %llu still held", (unsigned long long)c->bufs[i].blockno);
    kfree(c->index);
    kfree(c->staging);
    kfree(c->data);
    kfree(c->bufs);
    kfree(c);
    return err;
}

/* bcache_get_stats: see bcache.h. */
void bcache_get_stats(struct bcache *c, struct bcache_stats *out)
{
    lock_acquire(&c->lock);
    *out = c->stats;
    lock_release(&c->lock);
}
