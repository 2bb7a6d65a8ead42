/* ext2 block and inode allocation through the per-group bitmaps.
 *
 * Every allocation or free updates, together, the bitmap bit (in the
 * buffer cache), the group descriptor's free count (and used_dirs for
 * directories) and the superblock's free count (both in memory, written at
 * sync), so the three always agree. Blocks are placed at or after a goal
 * (the previous block of the file) to keep files contiguous, which is what
 * makes the cache's read-ahead pay. */
#include "fs/ext2_internal.h"

#include "kernel/errors.h"
#include "kernel/printf.h"

#define BITS_PER_BYTE 8
#define FULL_BYTE     0xFF
#define NO_BIT        UINT32_MAX

/* find_zero: first clear bit in BITMAP at or after START and below LIMIT,
 * or NO_BIT. */
static uint32_t find_zero(const uint8_t *bitmap, uint32_t start, uint32_t limit)
{
    for (uint32_t bit = start; bit < limit;) {
        if (bit % BITS_PER_BYTE == 0 && bitmap[bit / BITS_PER_BYTE] == FULL_BYTE) {
            bit += BITS_PER_BYTE;
            continue;
        }
        if (!(bitmap[bit / BITS_PER_BYTE] & (1u << (bit % BITS_PER_BYTE))))
            return bit;
        bit++;
    }
    return NO_BIT;
}

static void set_bit(uint8_t *bitmap, uint32_t bit)
{
    bitmap[bit / BITS_PER_BYTE] |= (uint8_t)(1u << (bit % BITS_PER_BYTE));
}

/* clear_bit: clear BIT; returns whether it was set. */
static bool clear_bit(uint8_t *bitmap, uint32_t bit)
{
    uint8_t mask = (uint8_t)(1u << (bit % BITS_PER_BYTE));
    bool was = bitmap[bit / BITS_PER_BYTE] & mask;
    bitmap[bit / BITS_PER_BYTE] &= (uint8_t)~mask;
    return was;
}

/* blocks_in_group: the number of blocks group G covers (the last group
 * may be short). */
static uint32_t blocks_in_group(struct ext2_fs *fs, uint32_t g)
{
    uint32_t first = ext2_group_start(fs, g);
    uint32_t left = fs->sb.s_blocks_count - first;
    return left < fs->sb.s_blocks_per_group ? left : fs->sb.s_blocks_per_group;
}

/* ext2_group_start: see ext2_internal.h. */
uint32_t ext2_group_start(const struct ext2_fs *fs, uint32_t g)
{
    return fs->sb.s_first_data_block + g * fs->sb.s_blocks_per_group;
}

/* find_data_bit: the first bit at or after START of group G's block
 * BITMAP that is clear and not a metadata block (metadata is never handed
 * out, whatever a damaged bitmap says), or NO_BIT. */
static uint32_t find_data_bit(struct ext2_fs *fs, uint32_t g, const uint8_t *bitmap, uint32_t start)
{
    uint32_t first = ext2_group_start(fs, g), limit = blocks_in_group(fs, g);
    for (uint32_t bit = start;;) {
        bit = find_zero(bitmap, bit, limit);
        if (bit == NO_BIT)
            return NO_BIT;
        uint32_t after = ext2_meta_end(fs, first + bit);
        if (after == first + bit)
            return bit;
        bit = after - first; /* past the metadata extent: each turn advances */
    }
}

/* alloc_in_group: take a free data block of group G at or after bit START.
 * Returns 0 and the block in *OUT, ERR_NO_SPACE if none, or an I/O error. */
static int alloc_in_group(struct ext2_fs *fs, uint32_t g, uint32_t start, uint32_t *out)
{
    struct buf *b;
    int err = bcache_get(fs->cache, fs->gd[g].bg_block_bitmap, &b);
    if (err < 0)
        return err;
    uint32_t bit = find_data_bit(fs, g, b->data, start);
    if (bit == NO_BIT) {
        bcache_release(b);
        return ERR_NO_SPACE;
    }
    set_bit(b->data, bit);
    bcache_mark_dirty(b);
    bcache_release(b);
    fs->gd[g].bg_free_blocks_count--;
    fs->sb.s_free_blocks_count--;
    *out = ext2_group_start(fs, g) + bit;
    return 0;
}

/* ext2_block_alloc: see ext2_internal.h. Looks in GOAL's group from GOAL
 * on, then in every group from its start. */
int ext2_block_alloc(struct ext2_fs *fs, uint32_t goal, uint32_t *out)
{
    if (fs->sb.s_free_blocks_count == 0)
        return ERR_NO_SPACE;
    if (goal < fs->sb.s_first_data_block || goal >= fs->sb.s_blocks_count)
        goal = fs->sb.s_first_data_block;
    uint32_t rel = goal - fs->sb.s_first_data_block;
    uint32_t g0 = rel / fs->sb.s_blocks_per_group;
    uint32_t start = rel % fs->sb.s_blocks_per_group;
    for (uint32_t i = 0; i <= fs->ngroups; i++) {
        uint32_t g = (g0 + i) % fs->ngroups;
        if (fs->gd[g].bg_free_blocks_count == 0)
            continue;
        int err = alloc_in_group(fs, g, i == 0 ? start : 0, out);
        if (err != ERR_NO_SPACE) {
            if (err < 0)
                return err;
            struct buf *b;
            if ((err = bcache_get_zero(fs->cache, *out, &b)) < 0) {
                ext2_block_free(fs, *out);
                return err;
            }
            bcache_release(b);
            return 0;
        }
    }
    return ERR_NO_SPACE;
}

/* ext2_block_free: see ext2_internal.h. */
int ext2_block_free(struct ext2_fs *fs, uint32_t block)
{
    if (!ext2_block_valid(fs, block)) {
        printf("ext2: freeing block %u outside the data area\n", block);
        return ERR_BAD_FORMAT;
    }
    uint32_t rel = block - fs->sb.s_first_data_block;
    uint32_t g = rel / fs->sb.s_blocks_per_group;
    struct buf *b;
    int err = bcache_get(fs->cache, fs->gd[g].bg_block_bitmap, &b);
    if (err < 0)
        return err;
    bool was = clear_bit(b->data, rel % fs->sb.s_blocks_per_group);
    bcache_mark_dirty(b);
    bcache_release(b);
    if (!was) {
        printf("ext2: freeing free block %u\n", block);
        return ERR_INVALID;
    }
    bcache_forget(fs->cache, block); /* its next use must not see this buffer */
    fs->gd[g].bg_free_blocks_count++;
    fs->sb.s_free_blocks_count++;
    return 0;
}

/* pick_group: the group to take an inode from. Files go to their parent's
 * group (or the next with room); directories to a group with at least the
 * average free inodes and the fewest directories, spreading the tree. */
static uint32_t pick_group(struct ext2_fs *fs, uint32_t parent_ino, bool dir)
{
    uint32_t pg = (parent_ino - 1) / fs->sb.s_inodes_per_group;
    uint32_t best = NO_BIT;
    if (dir) {
        uint32_t avg = fs->sb.s_free_inodes_count / fs->ngroups;
        for (uint32_t g = 0; g < fs->ngroups; g++) {
            const struct ext2_group_desc *d = &fs->gd[g];
            if (d->bg_free_inodes_count == 0 || d->bg_free_inodes_count < avg)
                continue;
            if (best == NO_BIT || d->bg_used_dirs_count < fs->gd[best].bg_used_dirs_count)
                best = g;
        }
        if (best != NO_BIT)
            return best;
    }
    for (uint32_t i = 0; i < fs->ngroups; i++) {
        uint32_t g = (pg + i) % fs->ngroups;
        if (fs->gd[g].bg_free_inodes_count > 0)
            return g;
    }
    return NO_BIT;
}

/* ext2_ialloc: see ext2_internal.h. */
int ext2_ialloc(struct ext2_fs *fs, uint32_t parent_ino, bool dir, uint32_t *out)
{
    if (fs->sb.s_free_inodes_count == 0)
        return ERR_NO_SPACE;
    uint32_t g = pick_group(fs, parent_ino, dir);
    if (g == NO_BIT)
        return ERR_NO_SPACE;
    struct buf *b;
    int err = bcache_get(fs->cache, fs->gd[g].bg_inode_bitmap, &b);
    if (err < 0)
        return err;
    uint32_t start = g == 0 ? fs->first_ino - 1 : 0;
    uint32_t bit = find_zero(b->data, start, fs->sb.s_inodes_per_group);
    if (bit == NO_BIT) {
        bcache_release(b);
        printf("ext2: group %u inode bitmap full but count says free\n", g);
        return ERR_NO_SPACE;
    }
    set_bit(b->data, bit);
    bcache_mark_dirty(b);
    bcache_release(b);
    fs->gd[g].bg_free_inodes_count--;
    fs->sb.s_free_inodes_count--;
    if (dir)
        fs->gd[g].bg_used_dirs_count++;
    *out = g * fs->sb.s_inodes_per_group + bit + 1;
    return 0;
}

/* ext2_ifree: see ext2_internal.h. */
int ext2_ifree(struct ext2_fs *fs, uint32_t ino, bool dir)
{
    if (ino < fs->first_ino || ino > fs->sb.s_inodes_count) {
        printf("ext2: freeing reserved or impossible inode %u\n", ino);
        return ERR_BAD_FORMAT;
    }
    uint32_t g = (ino - 1) / fs->sb.s_inodes_per_group;
    struct buf *b;
    int err = bcache_get(fs->cache, fs->gd[g].bg_inode_bitmap, &b);
    if (err < 0)
        return err;
    bool was = clear_bit(b->data, (ino - 1) % fs->sb.s_inodes_per_group);
    bcache_mark_dirty(b);
    bcache_release(b);
    if (!was) {
        printf("ext2: freeing free inode %u\n", ino);
        return ERR_INVALID;
    }
    fs->gd[g].bg_free_inodes_count++;
    fs->sb.s_free_inodes_count++;
    if (dir)
        fs->gd[g].bg_used_dirs_count--;
    return 0;
}
