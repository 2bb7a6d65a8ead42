/* Buffer cache: a bounded set of block-sized buffers between ext2 and the
 * block layer. LRU replacement, write-back (dirty buffers go to the disk
 * when evicted and at bcache_sync), read-ahead of the following blocks on a
 * miss (one block_read request), reference-counted get/release.
 *
 * Locking: the cache's own lock guards its structure (buffer list, tags,
 * reference counts, statistics) and is held across the device transfers it
 * starts. The *contents* of a buffer are guarded by the caller (ext2 holds
 * the file-system lock while it touches buffer data). Lock order:
 * fs lock -> bcache lock -> block driver. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/block.h"
#include "kernel/list.h"

#define BCACHE_DEFAULT_BUFFERS 256
/* Most blocks one miss reads (the missing block included). */
#define BCACHE_READAHEAD_MAX 32

struct bcache;

/* A cached block. DATA holds block_size bytes; callers read and write it
 * between bcache_get* and bcache_release, and mark it dirty if changed. */
struct buf {
    uint64_t blockno;
    uint8_t *data;
    /* private to bcache.c */
    struct bcache *cache;
    int refcnt;
    bool valid; /* holds BLOCKNO; then (only then) in the index */
    bool dirty;
    struct list_node lru;  /* front = most recently used */
    struct buf *hash_next; /* next in the same bucket of the index */
};

struct bcache_stats {
    uint64_t hits;       /* bcache_get found the block */
    uint64_t misses;     /* bcache_get had to read */
    uint64_t reads;      /* blocks read from the device (read-ahead included) */
    uint64_t writes;     /* blocks written to the device */
    uint64_t readaheads; /* blocks read ahead of need */
};

/* bcache_create: a cache of NBUFS buffers of BLOCK_SIZE bytes (a multiple
 * of the sector size) over DEV. NULL if out of memory. */
struct bcache *bcache_create(struct block_device *dev, uint32_t block_size, size_t nbufs);
/* bcache_destroy: write back dirty buffers, free everything. No buffer may
 * be held. Returns 0 or the first write error. */
int bcache_destroy(struct bcache *cache);
/* bcache_get: pin block BLOCKNO, reading it (and neighbours) if absent.
 * On success *OUT is held until bcache_release. ERR_IO on a read error,
 * ERR_BUSY if every buffer is pinned. */
int bcache_get(struct bcache *cache, uint64_t blockno, struct buf **out);
/* bcache_get_zero: pin block BLOCKNO without reading it; its contents are
 * zero-filled (for blocks just allocated or about to be fully overwritten).
 * Marked dirty. */
int bcache_get_zero(struct bcache *cache, uint64_t blockno, struct buf **out);
/* bcache_mark_dirty: B's contents changed; write it back later. */
void bcache_mark_dirty(struct buf *b);
/* bcache_release: unpin B (NULL is ignored). */
void bcache_release(struct buf *b);
/* bcache_forget: drop any buffer of BLOCKNO without writing it (the block
 * was freed, or is file data now, which goes to the disk through the page
 * cache: a stale buffer written later would overwrite it). The block must
 * not be held. */
void bcache_forget(struct bcache *cache, uint64_t blockno);
/* bcache_sync: write every dirty buffer to the device and flush it
 * (block_flush: durable on return). 0 or ERR_IO. */
int bcache_sync(struct bcache *cache);
/* bcache_get_stats: copy the counters. */
void bcache_get_stats(struct bcache *cache, struct bcache_stats *out);
