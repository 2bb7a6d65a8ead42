/* ext2 inodes: the inode table, the block map (12 direct pointers, then
 * single-, double- and triple-indirect blocks), byte-level read and write,
 * and freeing an inode with all its blocks.
 *
 * The block map is walked iteratively from the inode down (at most four
 * levels). A hole is a zero pointer at any level; reads return zeros for
 * it and writes fill it. Only deletion recurses, three levels deep at most,
 * holding one cached buffer per level. */
#include "fs/ext2_internal.h"

#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"

#define EXT2_MAX_DEPTH      4 /* inode slot + three levels of indirect blocks */
#define EXT2_SIZE_32BIT_MAX 0x7fffffffu
/* i_blocks counts 512-byte units in 32 bits: stay well below 2 TiB. */
#define EXT2_FILE_BYTES_MAX (1ull << 40)

/* inode_slot: pin the inode-table block holding INO; *OFF is the inode's
 * byte offset in it. ERR_INVALID for an impossible inode number. */
static int inode_slot(struct ext2_fs *fs, uint32_t ino, struct buf **b, uint32_t *off)
{
    if (ino == 0 || ino > fs->sb.s_inodes_count)
        return ERR_INVALID;
    uint32_t g = (ino - 1) / fs->sb.s_inodes_per_group;
    uint64_t byte = (uint64_t)((ino - 1) % fs->sb.s_inodes_per_group) * fs->inode_size;
    *off = (uint32_t)(byte % fs->block_size);
    return bcache_get(fs->cache, fs->gd[g].bg_inode_table + byte / fs->block_size, b);
}

/* ext2_inode_load: see ext2.h. */
int ext2_inode_load(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *out)
{
    struct buf *b;
    uint32_t off;
    int err = inode_slot(fs, ino, &b, &off);
    if (err < 0)
        return err;
    memcpy(out, b->data + off, sizeof(*out));
    bcache_release(b);
    return 0;
}

/* ext2_inode_store: see ext2.h. Writes the first 128 bytes only. */
int ext2_inode_store(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in)
{
    struct buf *b;
    uint32_t off;
    int err = inode_slot(fs, ino, &b, &off);
    if (err < 0)
        return err;
    memcpy(b->data + off, in, sizeof(*in));
    bcache_mark_dirty(b);
    bcache_release(b);
    return 0;
}

bool ext2_inode_is_dir(const struct ext2_inode *di)
{
    return (di->i_mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
}

/* ext2_inode_size: the byte size (i_size_high counts for regular files). */
uint64_t ext2_inode_size(const struct ext2_inode *di)
{
    if ((di->i_mode & EXT2_S_IFMT) == EXT2_S_IFREG)
        return ((uint64_t)di->i_size_high << 32) | di->i_size;
    return di->i_size;
}

/* set_size: record SIZE in DI; a regular file above 2 GiB needs (and on a
 * revision 1 file system gets) the large_file feature. */
static int set_size(struct ext2_fs *fs, struct ext2_inode *di, uint64_t size)
{
    bool large = fs->sb.s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
    if (size > EXT2_SIZE_32BIT_MAX && !large) {
        if (fs->sb.s_rev_level == EXT2_GOOD_OLD_REV || ext2_inode_is_dir(di))
            return ERR_NO_SPACE;
        fs->sb.s_feature_ro_compat |= EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
    }
    di->i_size = (uint32_t)size;
    if ((di->i_mode & EXT2_S_IFMT) == EXT2_S_IFREG)
        di->i_size_high = (uint32_t)(size >> 32);
    return 0;
}

/* max_size: the largest size DI may reach: what the block map addresses,
 * and 2 GiB - 1 where large_file cannot be used (revision 0, directories). */
static uint64_t max_size(struct ext2_fs *fs, const struct ext2_inode *di)
{
    bool large = (fs->sb.s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE) ||
                 fs->sb.s_rev_level != EXT2_GOOD_OLD_REV;
    if (!large || ext2_inode_is_dir(di))
        return EXT2_SIZE_32BIT_MAX;
    uint64_t mapped = fs->max_file_blocks * fs->block_size;
    return mapped < EXT2_FILE_BYTES_MAX ? mapped : EXT2_FILE_BYTES_MAX;
}

/* map_path: the slots leading to file block FBLOCK: SLOTS[0] indexes
 * i_block, SLOTS[1..] the indirect blocks. Returns the number of indirect
 * levels (0-3), or -1 if FBLOCK is beyond the triple-indirect range. */
static int map_path(struct ext2_fs *fs, uint64_t fblock, uint32_t slots[EXT2_MAX_DEPTH])
{
    uint64_t p = fs->ptrs_per_block;
    if (fblock < EXT2_NDIR_BLOCKS) {
        slots[0] = (uint32_t)fblock;
        return 0;
    }
    fblock -= EXT2_NDIR_BLOCKS;
    if (fblock < p) {
        slots[0] = EXT2_IND_BLOCK;
        slots[1] = (uint32_t)fblock;
        return 1;
    }
    fblock -= p;
    if (fblock < p * p) {
        slots[0] = EXT2_DIND_BLOCK;
        slots[1] = (uint32_t)(fblock / p);
        slots[2] = (uint32_t)(fblock % p);
        return 2;
    }
    fblock -= p * p;
    if (fblock >= p * p * p)
        return -1;
    slots[0] = EXT2_TIND_BLOCK;
    slots[1] = (uint32_t)(fblock / (p * p));
    slots[2] = (uint32_t)(fblock / p % p);
    slots[3] = (uint32_t)(fblock % p);
    return 3;
}

/* check_ptr: 0 if BLK, read from the block map of a file, is a hole or
 * lies in the data area; ERR_BAD_FORMAT (a corrupted inode) if not. */
static int check_ptr(struct ext2_fs *fs, uint32_t blk)
{
    if (blk == 0 || ext2_block_valid(fs, blk))
        return 0;
    printf("ext2: block pointer %u outside the data area\n", blk);
    return ERR_BAD_FORMAT;
}

/* fill_slot: allocate a block for the empty pointer *SLOT (goal: the
 * block after PREV, or the inode's group) and count it in DI. */
static int fill_slot(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint32_t prev,
                     uint32_t *slot)
{
    uint32_t goal = prev + 1;
    if (prev == 0)
        goal = fs->sb.s_first_data_block +
               (ino - 1) / fs->sb.s_inodes_per_group * fs->sb.s_blocks_per_group;
    int err = ext2_block_alloc(fs, goal, slot);
    if (err < 0)
        return err;
    di->i_blocks += fs->block_size / EXT2_IBLOCK_UNIT;
    return 0;
}

/* walk_level: follow slot IDX of the indirect block BLK into *NEXT,
 * filling a hole when ALLOC. *FILLED tells whether it was filled. */
static int walk_level(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint32_t blk,
                      uint32_t idx, bool alloc, uint32_t *next, bool *filled)
{
    struct buf *b;
    int err = bcache_get(fs->cache, blk, &b);
    if (err < 0)
        return err;
    uint32_t *table = (uint32_t *)b->data;
    *next = table[idx];
    *filled = false;
    err = check_ptr(fs, *next);
    if (err == 0 && *next == 0 && alloc) {
        uint32_t prev = idx > 0 && table[idx - 1] ? table[idx - 1] : blk;
        if ((err = fill_slot(fs, ino, di, prev, &table[idx])) == 0) {
            *next = table[idx];
            *filled = true;
            bcache_mark_dirty(b);
        }
    }
    bcache_release(b);
    return err;
}

/* ext2_bmap: see ext2_internal.h. */
int ext2_bmap(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t fblock, bool alloc,
              uint32_t *out, bool *new_block)
{
    uint32_t slots[EXT2_MAX_DEPTH];
    int depth = map_path(fs, fblock, slots);
    if (depth < 0)
        return ERR_NO_SPACE;
    bool filled = false;
    uint32_t blk = di->i_block[slots[0]];
    int err = check_ptr(fs, blk);
    if (err < 0)
        return err;
    if (blk == 0 && alloc) {
        uint32_t prev = slots[0] > 0 ? di->i_block[slots[0] - 1] : 0;
        if ((err = fill_slot(fs, ino, di, prev, &di->i_block[slots[0]])) < 0)
            return err;
        blk = di->i_block[slots[0]];
        filled = true;
    }
    for (int level = 1; level <= depth && blk != 0; level++)
        if ((err = walk_level(fs, ino, di, blk, slots[level], alloc, &blk, &filled)) < 0)
            return err;
    *out = blk;
    if (new_block)
        *new_block = filled;
    return 0;
}

/* map_run: the disk blocks of up to MAX consecutive file blocks from
 * FBLOCK of DI (0 for a hole) into OUT, without allocating: as many as
 * share the table that holds FBLOCK's pointer (i_block or one indirect
 * block), so the walk to that table is done once for all of them.
 * Returns how many (>= 1), or ERR_NO_SPACE beyond the map's reach,
 * ERR_BAD_FORMAT for a pointer outside the data area, ERR_IO. */
static long map_run(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t fblock, size_t max,
                    uint32_t *out)
{
    uint32_t slots[EXT2_MAX_DEPTH];
    int depth = map_path(fs, fblock, slots);
    if (depth < 0)
        return ERR_NO_SPACE;
    const uint32_t *table = di->i_block;
    size_t room = EXT2_NDIR_BLOCKS - slots[0];
    uint32_t blk = depth ? di->i_block[slots[0]] : 0;
    int err = 0;
    for (int level = 1; level < depth && blk != 0 && err == 0; level++) {
        bool filled;
        err = walk_level(fs, 0, (struct ext2_inode *)di, blk, slots[level], false, &blk, &filled);
    }
    struct buf *b = NULL;
    if (err == 0 && depth > 0) {
        err = check_ptr(fs, blk);
        if (err == 0 && blk != 0)
            err = bcache_get(fs->cache, blk, &b);
        table = b ? (const uint32_t *)b->data : NULL;
        room = fs->ptrs_per_block - slots[depth];
    }
    size_t n = max < room ? max : room;
    for (size_t i = 0; i < n && err == 0; i++) {
        out[i] = table ? table[slots[depth] + i] : 0;
        err = check_ptr(fs, out[i]);
    }
    bcache_release(b);
    return err < 0 ? err : (long)n;
}

/* ext2_inode_read: see ext2.h. The block map is read a run of
 * READ_MAP_RUN blocks at a time (map_run). */
#define READ_MAP_RUN 16
long ext2_inode_read(struct ext2_fs *fs, const struct ext2_inode *di, void *buf, size_t size,
                     uint64_t offset)
{
    uint64_t fsize = ext2_inode_size(di);
    if (offset >= fsize)
        return 0;
    if (size > fsize - offset)
        size = (size_t)(fsize - offset);
    uint32_t run[READ_MAP_RUN];
    uint64_t run_first = 0;
    size_t run_len = 0, done = 0;
    while (done < size) {
        uint64_t pos = offset + done, fblock = pos / fs->block_size;
        uint32_t boff = (uint32_t)(pos % fs->block_size);
        size_t chunk = fs->block_size - boff;
        if (chunk > size - done)
            chunk = size - done;
        int err = 0;
        if (fblock - run_first >= run_len) {
            size_t want = (boff + size - done + fs->block_size - 1) / fs->block_size;
            long n = map_run(fs, di, fblock, want < READ_MAP_RUN ? want : READ_MAP_RUN, run);
            err = n < 0 ? (int)n : 0;
            run_first = fblock;
            run_len = n < 0 ? 0 : (size_t)n;
        }
        struct buf *b = NULL;
        if (err == 0 && run[fblock - run_first] != 0)
            err = bcache_get(fs->cache, run[fblock - run_first], &b);
        if (err < 0)
            return done > 0 ? (long)done : err;
        if (b)
            memcpy((uint8_t *)buf + done, b->data + boff, chunk);
        else
            memset((uint8_t *)buf + done, 0, chunk);
        bcache_release(b);
        done += chunk;
    }
    return (long)done;
}

/* ---- file data in whole pages (the page cache, fs/file.c) ---- */

/* span_blocks: how many blocks of the N pages from page FIRST of DI hold
 * bytes below its size (a prefix of the span: 0..N * blocks per page). */
static uint32_t span_blocks(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t first,
                            uint32_t n)
{
    uint64_t start = first * PAGE_SIZE, size = ext2_inode_size(di);
    if (start >= size)
        return 0;
    uint64_t bytes =
        size - start < (uint64_t)n * PAGE_SIZE ? size - start : (uint64_t)n * PAGE_SIZE;
    return (uint32_t)((bytes + fs->block_size - 1) / fs->block_size);
}

/* map_page: the disk blocks (0 for a hole) of the first N blocks from
 * page INDEX of DI on into OUT (N may reach into the pages after it). 0
 * or map_run's error. */
static int map_page(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t index, uint32_t n,
                    uint32_t *out)
{
    uint64_t first = index * (PAGE_SIZE / fs->block_size);
    for (uint32_t i = 0; i < n;) {
        long got = map_run(fs, di, first + i, n - i, out + i);
        if (got < 0)
            return (int)got;
        i += (uint32_t)got;
    }
    return 0;
}

/* run_length: how many of the N blocks of BLKS from I on follow each
 * other on the disk (at least 1). */
static uint32_t run_length(const uint32_t *blks, uint32_t i, uint32_t n)
{
    uint32_t j = i + 1;
    while (j < n && blks[j] == blks[j - 1] + 1)
        j++;
    return j - i;
}

/* read_run: read the RUN blocks from block I of SPAN (block I at byte I
 * * block_size of the pages KVAS), contiguous on the disk from BLK,
 * straight into those pages: one vectored request, a segment per page
 * they touch. 0 or ERR_IO. */
static int read_run(struct ext2_span *span, uint32_t blk, uint32_t i, uint32_t run,
                    void *const *kvas)
{
    size_t pos = (size_t)i * span->block_size, end = pos + (size_t)run * span->block_size;
    uint32_t nseg = 0, spb = span->block_size / BLOCK_SECTOR_SIZE;
    while (pos < end) {
        size_t off = pos % PAGE_SIZE, len = PAGE_SIZE - off;
        len = len < end - pos ? len : end - pos;
        span->segs[nseg++] = (struct block_seg){(uint8_t *)kvas[pos / PAGE_SIZE] + off, len};
        pos += len;
    }
    return block_readv(span->dev, (uint64_t)blk * spb, span->segs, nseg) < 0 ? ERR_IO : 0;
}

/* zero_past_end: zero the bytes of SPAN's pages KVAS that lie at or past
 * its size. */
static void zero_past_end(const struct ext2_span *span, void *const *kvas)
{
    for (uint32_t i = 0; i < span->npages; i++) {
        uint64_t start = (span->first + i) * PAGE_SIZE;
        size_t valid = start >= span->size              ? 0
                       : span->size - start < PAGE_SIZE ? (size_t)(span->size - start)
                                                        : PAGE_SIZE;
        memset((uint8_t *)kvas[i] + valid, 0, PAGE_SIZE - valid);
    }
}

/* ext2_span_map: see ext2.h. One walk per indirect block, not per page. */
int ext2_span_map(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t first, uint32_t n,
                  struct ext2_span *span)
{
    *span = (struct ext2_span){.dev = fs->dev,
                               .block_size = fs->block_size,
                               .npages = n,
                               .first = first,
                               .size = ext2_inode_size(di),
                               .nblocks = span_blocks(fs, di, first, n),
                               .blks = span->one_blks,
                               .segs = &span->one_seg};
    if (n > 1) {
        span->blks = kmalloc((size_t)n * (PAGE_SIZE / fs->block_size) * sizeof *span->blks);
        span->segs = span->blks ? kmalloc((size_t)n * sizeof *span->segs) : NULL;
        if (!span->segs) {
            ext2_span_release(span);
            return ERR_NO_MEMORY;
        }
    }
    int err = map_page(fs, di, first, span->nblocks, span->blks);
    if (err < 0)
        ext2_span_release(span);
    return err;
}

/* ext2_span_read: see ext2.h. */
int ext2_span_read(struct ext2_span *span, void *const *kvas)
{
    for (uint32_t i = 0; i < span->nblocks;) {
        uint32_t blk = span->blks[i];
        if (blk == 0) {
            size_t pos = (size_t)i * span->block_size; /* a block lies inside one page */
            memset((uint8_t *)kvas[pos / PAGE_SIZE] + pos % PAGE_SIZE, 0, span->block_size);
            i++;
            continue;
        }
        uint32_t run = run_length(span->blks, i, span->nblocks);
        if (read_run(span, blk, i, run, kvas) < 0)
            return ERR_IO;
        i += run;
    }
    zero_past_end(span, kvas);
    return 0;
}

/* ext2_span_release: see ext2.h. */
void ext2_span_release(struct ext2_span *span)
{
    if (span->blks != span->one_blks)
        kfree(span->blks);
    if (span->segs != &span->one_seg)
        kfree(span->segs);
    span->blks = span->one_blks;
    span->segs = &span->one_seg;
}

/* ext2_page_read: see ext2.h. */
int ext2_page_read(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t index, void *kva)
{
    struct ext2_span span;
    int err = ext2_span_map(fs, di, index, 1, &span);
    if (err == 0)
        err = ext2_span_read(&span, &kva);
    return err;
}

/* alloc_page_blocks: the disk blocks of the first N blocks of page INDEX
 * of INO into OUT, holes filled (a new data block loses any stale
 * buffer: it is written from the page). ext2_bmap's errors. */
static int alloc_page_blocks(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di,
                             uint64_t index, uint32_t n, uint32_t *out)
{
    uint64_t first = index * (PAGE_SIZE / fs->block_size);
    int err = map_page(fs, di, index, n, out);
    for (uint32_t i = 0; i < n && err == 0; i++) {
        if (out[i] != 0)
            continue;
        bool new_block;
        err = ext2_bmap(fs, ino, di, first + i, true, &out[i], &new_block);
        if (err == 0 && new_block)
            bcache_forget(fs->cache, out[i]);
    }
    return err;
}

/* write_tail: write block BLK, the last one of a page, from SRC with only
 * its VALID bytes (those below the file's size): the rest goes as zeros. */
static int write_tail(struct ext2_fs *fs, uint32_t blk, const uint8_t *src, size_t valid)
{
    uint8_t *tmp = kmalloc(fs->block_size);
    if (!tmp)
        return ERR_NO_MEMORY;
    memcpy(tmp, src, valid);
    memset(tmp + valid, 0, fs->block_size - valid);
    int err = block_write(fs->dev, (uint64_t)blk * (fs->block_size / BLOCK_SECTOR_SIZE),
                          fs->block_size / BLOCK_SECTOR_SIZE, tmp);
    kfree(tmp);
    return err < 0 ? ERR_IO : 0;
}

/* ext2_page_write: see ext2.h. */
int ext2_page_write(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t index,
                    const void *kva)
{
    uint32_t blks[EXT2_PAGE_BLOCKS_MAX], n = span_blocks(fs, di, index, 1);
    uint32_t spb = fs->block_size / BLOCK_SECTOR_SIZE, iblocks = di->i_blocks;
    int err = alloc_page_blocks(fs, ino, di, index, n, blks);
    if (di->i_blocks != iblocks) {
        int serr = ext2_inode_store(fs, ino, di);
        err = err < 0 ? err : serr;
    }
    if (n == 0 || err < 0)
        return err;
    uint64_t end = ext2_inode_size(di) - index * PAGE_SIZE; /* > 0 when n > 0 */
    size_t tail = end % fs->block_size;
    uint32_t whole = end >= PAGE_SIZE || tail == 0 ? n : n - 1;
    for (uint32_t i = 0; i < whole && err == 0;) {
        uint32_t run = run_length(blks, i, whole);
        if (block_write(fs->dev, (uint64_t)blks[i] * spb, run * spb,
                        (const uint8_t *)kva + i * fs->block_size) < 0)
            err = ERR_IO;
        i += run;
    }
    if (err == 0 && whole < n)
        err = write_tail(fs, blks[whole], (const uint8_t *)kva + whole * fs->block_size, tail);
    return err;
}

/* ext2_file_reserve: see ext2.h. */
long ext2_file_reserve(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t offset,
                       size_t len)
{
    uint64_t limit = max_size(fs, di);
    if (offset >= limit)
        return ERR_NO_SPACE;
    if (len > limit - offset)
        len = (size_t)(limit - offset);
    size_t done = 0;
    int err = 0;
    uint32_t iblocks = di->i_blocks;
    while (done < len) {
        uint64_t pos = offset + done;
        size_t chunk = fs->block_size - pos % fs->block_size;
        chunk = chunk < len - done ? chunk : len - done;
        uint32_t blk;
        bool new_block;
        if ((err = ext2_bmap(fs, ino, di, pos / fs->block_size, true, &blk, &new_block)) < 0)
            break;
        if (new_block)
            bcache_forget(fs->cache, blk);
        done += chunk;
    }
    if (di->i_blocks != iblocks) {
        int serr = ext2_inode_store(fs, ino, di);
        err = err < 0 ? err : serr;
    }
    return done > 0 ? (long)done : err;
}

/* read_block_or_zero: the bytes of file block FBLOCK of DI into BUF
 * (zeros for a hole). */
static int read_block_or_zero(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t fblock,
                              uint8_t *buf)
{
    uint32_t blk;
    long got = map_run(fs, di, fblock, 1, &blk);
    if (got < 0)
        return (int)got;
    if (blk == 0) {
        memset(buf, 0, fs->block_size);
        return 0;
    }
    uint32_t spb = fs->block_size / BLOCK_SECTOR_SIZE;
    return block_read(fs->dev, (uint64_t)blk * spb, spb, buf) < 0 ? ERR_IO : 0;
}

/* ext2_write_direct: see ext2.h. */
long ext2_write_direct(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t offset,
                       const void *src, size_t len)
{
    uint32_t bs = fs->block_size, spb = bs / BLOCK_SECTOR_SIZE;
    size_t full = len / bs * bs, tail = len - full;
    uint32_t n = (uint32_t)((len + bs - 1) / bs);
    uint32_t *blks = kmalloc((size_t)n * sizeof *blks);
    uint8_t *bounce = tail ? kmalloc(bs) : NULL;
    if (!blks || (tail && !bounce)) {
        kfree(blks);
        kfree(bounce);
        return ERR_NO_MEMORY;
    }
    int err = tail ? read_block_or_zero(fs, di, (offset + full) / bs, bounce) : 0;
    if (tail && err == 0)
        memcpy(bounce, (const uint8_t *)src + full, tail);
    long got = err < 0 ? err : ext2_file_reserve(fs, ino, di, offset, len);
    if (got >= 0 && (size_t)got < len)
        n = (uint32_t)((size_t)got / bs); /* the blocks that could be had */
    err = got < 0 ? (int)got : map_page(fs, di, offset / PAGE_SIZE, n, blks);
    for (uint32_t i = 0; i < n && err == 0;) {
        uint32_t run = run_length(blks, i, n);
        bool last = tail && i + run == n && (size_t)got == len;
        if (last)
            run--; /* the tail block goes from the bounce buffer */
        if (run && block_write(fs->dev, (uint64_t)blks[i] * spb, run * spb,
                               (const uint8_t *)src + (size_t)i * bs) < 0)
            err = ERR_IO;
        if (last && err == 0 &&
            block_write(fs->dev, (uint64_t)blks[i + run] * spb, spb, bounce) < 0)
            err = ERR_IO;
        i += run + (last ? 1 : 0);
    }
    kfree(bounce);
    kfree(blks);
    if (err < 0)
        return err;
    return (size_t)got < len ? (long)n * bs : (long)len;
}

/* ext2_file_grow: see ext2.h. */
int ext2_file_grow(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t end)
{
    int err = 0;
    if (end > ext2_inode_size(di))
        err = set_size(fs, di, end);
    di->i_mtime = di->i_ctime = fs->now;
    int serr = ext2_inode_store(fs, ino, di);
    return err < 0 ? err : serr;
}

/* write_block: copy CHUNK bytes into file block FBLOCK at BOFF, filling a
 * hole first. A whole-block write does not read the old contents. */
static int write_block(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t fblock,
                       uint32_t boff, const void *src, size_t chunk)
{
    uint32_t blk;
    int err = ext2_bmap(fs, ino, di, fblock, true, &blk, NULL);
    if (err < 0)
        return err;
    struct buf *b;
    if (chunk == fs->block_size)
        err = bcache_get_zero(fs->cache, blk, &b);
    else
        err = bcache_get(fs->cache, blk, &b);
    if (err < 0)
        return err;
    memcpy(b->data + boff, src, chunk);
    bcache_mark_dirty(b);
    bcache_release(b);
    return 0;
}

/* ext2_inode_write: see ext2.h. The inode is stored once at the end, with
 * whatever was allocated, so a failure leaves no unreferenced block. */
long ext2_inode_write(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, const void *buf,
                      size_t size, uint64_t offset)
{
    size_t done = 0;
    int err = 0;
    uint64_t limit = max_size(fs, di);
    if (offset >= limit)
        return ERR_NO_SPACE;
    if (size > limit - offset)
        size = (size_t)(limit - offset);
    while (done < size) {
        uint64_t pos = offset + done;
        uint32_t boff = (uint32_t)(pos % fs->block_size);
        size_t chunk = fs->block_size - boff;
        if (chunk > size - done)
            chunk = size - done;
        if ((err = write_block(fs, ino, di, pos / fs->block_size, boff, (const uint8_t *)buf + done,
                               chunk)) < 0)
            break;
        if (pos + chunk > ext2_inode_size(di) && (err = set_size(fs, di, pos + chunk)) < 0)
            break;
        done += chunk;
    }
    di->i_mtime = di->i_ctime = fs->now;
    int serr = ext2_inode_store(fs, ino, di);
    if (done > 0)
        return (long)done;
    return err < 0 ? err : serr;
}

/* ext2_inode_check: see ext2.h. */
int ext2_inode_check(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *di)
{
    uint16_t type = di->i_mode & EXT2_S_IFMT;
    const char *why = NULL;
    if (ino != EXT2_ROOT_INO && ino < fs->first_ino)
        why = "a reserved inode";
    else if (di->i_mode == 0 || di->i_links_count == 0)
        why = "a free inode";
    else if (type != EXT2_S_IFREG && type != EXT2_S_IFDIR)
        return ERR_UNSUPPORTED; /* symlinks, devices: their blocks mean something else */
    else if (type == EXT2_S_IFDIR && (di->i_size == 0 || di->i_size % fs->block_size != 0))
        why = "a directory of a partial block";
    else if (ext2_inode_size(di) > max_size(fs, di))
        why = "a file too large for its block map";
    if (!why)
        return 0;
    printf("ext2: inode %u is %s (corrupted)\n", ino, why);
    return ERR_BAD_FORMAT;
}

/* ext2_inode_extend: see ext2.h. */
int ext2_inode_extend(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t size)
{
    if (size <= ext2_inode_size(di))
        return 0;
    if (size > max_size(fs, di))
        return ERR_NO_SPACE;
    int err = set_size(fs, di, size);
    if (err < 0)
        return err;
    return ext2_inode_store(fs, ino, di);
}

/* init_slot: zero the whole on-disk inode INO (large inodes included) and
 * set i_extra_isize as mke2fs would, then store DI in it. */
static int init_slot(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *di)
{
    struct buf *b;
    uint32_t off;
    int err = inode_slot(fs, ino, &b, &off);
    if (err < 0)
        return err;
    memset(b->data + off, 0, fs->inode_size);
    memcpy(b->data + off, di, sizeof(*di));
    if (fs->inode_size > EXT2_GOOD_OLD_INODE_SIZE) {
        uint16_t extra = fs->sb.s_want_extra_isize;
        if (extra > fs->inode_size - EXT2_GOOD_OLD_INODE_SIZE)
            extra = 0;
        memcpy(b->data + off + EXT2_INODE_EXTRA_ISIZE_OFFSET, &extra, sizeof(extra));
    }
    bcache_mark_dirty(b);
    bcache_release(b);
    return 0;
}

/* slot_live: whether the on-disk inode INO is in use (linked, with a
 * type), whatever the inode bitmap says. */
static bool slot_live(struct ext2_fs *fs, uint32_t ino)
{
    struct ext2_inode di;
    return ext2_inode_load(fs, ino, &di) == 0 && di.i_mode != 0 && di.i_links_count != 0;
}

/* ext2_inode_create: see ext2.h. An inode the bitmap calls free but that
 * is in use (a corrupted bitmap) keeps its bit set and is skipped; each
 * skip uses up a free inode, so the search ends. */
int ext2_inode_create(struct ext2_fs *fs, uint32_t parent_ino, uint16_t mode, uint32_t *ino_out,
                      struct ext2_inode *di)
{
    bool dir = (mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
    int err;
    while ((err = ext2_ialloc(fs, parent_ino, dir, ino_out)) == 0 && slot_live(fs, *ino_out))
        printf("ext2: inode %u in use but free in the bitmap\n", *ino_out);
    if (err < 0)
        return err;
    memset(di, 0, sizeof(*di));
    di->i_mode = mode;
    di->i_atime = di->i_ctime = di->i_mtime = fs->now;
    if ((err = init_slot(fs, *ino_out, di)) < 0)
        ext2_ifree(fs, *ino_out, dir);
    return err;
}

/* free_tree: free block BLK and, for an indirect block of LEVEL > 0, every
 * block under it. Recursion is bounded by the triple-indirect depth. A
 * pointer outside the data area is neither followed nor freed, and the
 * rest of a table stops at its first bad pointer or block freed twice (a
 * table of garbage or of repeated pointers: going on could take
 * ptrs_per_block^3 steps). The blocks left are lost until e2fsck. */
static int free_tree(struct ext2_fs *fs, uint32_t blk, int level)
{
    int result = check_ptr(fs, blk);
    if (result < 0)
        return result;
    if (level > 0) {
        struct buf *b;
        int err = bcache_get(fs->cache, blk, &b);
        if (err < 0)
            return err;
        const uint32_t *table = (const uint32_t *)b->data;
        for (uint32_t i = 0; i < fs->ptrs_per_block && result == 0; i++)
            if (table[i] != 0)
                result = free_tree(fs, table[i], level - 1);
        bcache_release(b);
    }
    int err = ext2_block_free(fs, blk);
    return result < 0 ? result : err;
}

/* release_xattr_block: drop DI's reference to its extended-attribute
 * block (i_file_acl): decrement the block header's h_refcount, and free
 * the block when it reaches zero (ext2 spec, "Extended Attributes": one
 * block is shared by the inodes with identical attributes). Clears
 * i_file_acl. ERR_BAD_FORMAT, with nothing freed, for a pointer outside
 * the data area or a block that is not an attribute block. */
static int release_xattr_block(struct ext2_fs *fs, struct ext2_inode *di)
{
    uint32_t blk = di->i_file_acl;
    di->i_file_acl = 0;
    int err = check_ptr(fs, blk);
    if (err < 0 || blk == 0)
        return err;
    struct buf *b;
    if ((err = bcache_get(fs->cache, blk, &b)) < 0)
        return err;
    struct ext2_xattr_header *h = (struct ext2_xattr_header *)b->data;
    bool valid = h->h_magic == EXT2_XATTR_MAGIC && h->h_blocks == 1;
    bool last = valid && h->h_refcount <= 1;
    if (valid && !last) {
        h->h_refcount--;
        bcache_mark_dirty(b);
    }
    bcache_release(b);
    if (!valid) {
        printf("ext2: block %u is not an extended-attribute block\n", blk);
        return ERR_BAD_FORMAT;
    }
    return last ? ext2_block_free(fs, blk) : 0;
}

/* ext2_inode_delete: see ext2.h. */
int ext2_inode_delete(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di)
{
    static const int levels[EXT2_N_BLOCKS] = {
        [EXT2_IND_BLOCK] = 1, [EXT2_DIND_BLOCK] = 2, [EXT2_TIND_BLOCK] = 3};
    if (ino < fs->first_ino) {
        printf("ext2: refusing to delete reserved inode %u\n", ino);
        return ERR_BAD_FORMAT;
    }
    int result = 0;
    for (int i = 0; i < EXT2_N_BLOCKS; i++) {
        if (di->i_block[i] == 0)
            continue;
        int err = free_tree(fs, di->i_block[i], levels[i]);
        if (err < 0 && result == 0)
            result = err;
        di->i_block[i] = 0;
    }
    int err = release_xattr_block(fs, di);
    if (err < 0 && result == 0)
        result = err;
    bool dir = ext2_inode_is_dir(di);
    di->i_blocks = 0;
    di->i_size = di->i_size_high = 0;
    di->i_links_count = 0;
    di->i_dtime = fs->now ? fs->now : 1;
    err = ext2_inode_store(fs, ino, di);
    if (err == 0)
        err = ext2_ifree(fs, ino, dir);
    return result < 0 ? result : err;
}
