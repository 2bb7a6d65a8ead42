/* ext2 layout: which blocks are metadata, worked out once at mount from the
 * superblock's feature flags and the group descriptors, and the test every
 * block pointer read from the disk goes through.
 *
 * The rule (ext2 spec, "Superblock", "Block Group Descriptor Table" and
 * the sparse_super, sparse_super2, meta_bg and flex_bg features;
 * libext2fs's ext2fs_super_and_bgd_loc2 and ext2fs_bg_has_super are the
 * reference that mke2fs and e2fsck share):
 * - group G holds a copy of the superblock in its first block when
 *   has_super(G): every group without sparse_super; groups 0, 1 and the
 *   powers of 3, 5 and 7 with it; group 0 and the groups s_backup_bgs[]
 *   (0 = none) with sparse_super2;
 * - without meta_bg, each superblock copy is followed by the descriptor
 *   table and s_reserved_gdt_blocks (resize_inode's room to grow); with
 *   meta_bg, by the first s_first_meta_bg descriptor blocks only, and
 *   descriptor block M >= s_first_meta_bg lies in the first, second and
 *   last group of meta group M (the groups it describes), right after
 *   their superblock copy if they have one;
 * - each group's block bitmap, inode bitmap and inode table lie wherever
 *   its descriptor says: inside the group, or with flex_bg anywhere in
 *   the file system; nothing may overlap.
 * A block is metadata iff one of these occupies it. Every other block of
 * the file system is data, wherever it lies in its group: a RAID stride
 * (mke2fs -E stride) puts the bitmaps after the inode table with data in
 * between, flex_bg packs the metadata of many groups into one.
 *
 * The metadata is kept as a sorted table of merged extents (the layout
 * never changes while mounted: no online resize); a lookup is a binary
 * search. */
#include "fs/ext2_internal.h"

#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "mm/kmalloc.h"

/* Extents one group can add: its superblock and descriptor copy, block
 * bitmap, inode bitmap, inode table. */
#define EXTENTS_PER_GROUP 4

static bool has_feature_meta_bg(const struct ext2_fs *fs)
{
    return fs->sb.s_rev_level == EXT2_DYNAMIC_REV &&
           (fs->sb.s_feature_incompat & EXT2_FEATURE_INCOMPAT_META_BG);
}

static bool has_feature_flex_bg(const struct ext2_fs *fs)
{
    return fs->sb.s_rev_level == EXT2_DYNAMIC_REV &&
           (fs->sb.s_feature_incompat & EXT4_FEATURE_INCOMPAT_FLEX_BG);
}

/* power_of: N is a power of BASE (1 included). */
static bool power_of(uint32_t n, uint32_t base)
{
    while (n > 1 && n % base == 0)
        n /= base;
    return n == 1;
}

/* has_super: group G holds a copy of the superblock (see the rule above). */
static bool has_super(const struct ext2_fs *fs, uint32_t g)
{
    if (g == 0 || fs->sb.s_rev_level != EXT2_DYNAMIC_REV)
        return true;
    if (fs->sb.s_feature_compat & EXT2_FEATURE_COMPAT_SPARSE_SUPER2)
        return g == fs->sb.s_backup_bgs[0] || g == fs->sb.s_backup_bgs[1];
    if (!(fs->sb.s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER) || g == 1)
        return true;
    return power_of(g, 3) || power_of(g, 5) || power_of(g, 7);
}

/* descs_per_block: group descriptors in one block (the groups of a meta
 * group). */
static uint32_t descs_per_block(const struct ext2_fs *fs)
{
    return fs->block_size / EXT2_GROUP_DESC_SIZE;
}

/* old_desc_blocks: the descriptor blocks (and reserved ones) that follow
 * every superblock copy in the classic layout. */
static uint32_t old_desc_blocks(const struct ext2_fs *fs)
{
    if (has_feature_meta_bg(fs))
        return fs->sb.s_first_meta_bg;
    return fs->gd_blocks + fs->sb.s_reserved_gdt_blocks;
}

/* base_blocks: blocks at the start of group G taken by its superblock copy
 * and the descriptor blocks that go with it (0 for a group with neither). */
static uint64_t base_blocks(const struct ext2_fs *fs, uint32_t g)
{
    uint64_t n = has_super(fs, g) ? 1 : 0;
    uint32_t per = descs_per_block(fs);
    if (!has_feature_meta_bg(fs) || g / per < fs->sb.s_first_meta_bg)
        return n ? n + old_desc_blocks(fs) : 0;
    uint32_t r = g % per;
    return n + (r == 0 || r == 1 || r == per - 1 ? 1 : 0);
}

/* ext2_desc_block: see ext2_internal.h. */
uint32_t ext2_desc_block(const struct ext2_fs *fs, uint32_t i)
{
    if (!has_feature_meta_bg(fs) || i < fs->sb.s_first_meta_bg)
        return fs->sb.s_first_data_block + 1 + i;
    uint32_t g = i * descs_per_block(fs);
    return ext2_group_start(fs, g) + (has_super(fs, g) ? 1 : 0);
}

/* group_end: one past the last block of group G. */
static uint64_t group_end(const struct ext2_fs *fs, uint32_t g)
{
    uint64_t end = (uint64_t)ext2_group_start(fs, g) + fs->sb.s_blocks_per_group;
    return end < fs->sb.s_blocks_count ? end : fs->sb.s_blocks_count;
}

struct builder {
    struct ext2_fs *fs;
    uint32_t cap;
};

/* add: append [START, START + COUNT) to the table, which must lie in
 * [LO, HI). ERR_BAD_FORMAT (naming WHAT of group G) if it does not. */
static int add(struct builder *b, uint32_t g, const char *what, uint64_t start, uint64_t count,
               uint64_t lo, uint64_t hi)
{
    const struct ext2_super_block *sb = &b->fs->sb;
    if (count == 0)
        return 0;
    if (start < lo || start + count > hi) {
        bool in_fs = start >= sb->s_first_data_block && start + count <= sb->s_blocks_count;
        printf("ext2: group %u: %s at block %lu lies outside %s\n", g, what, (unsigned long)start,
               in_fs ? "its group (no flex_bg)" : "the file system");
        return ERR_BAD_FORMAT;
    }
    ASSERT(b->fs->nmeta < b->cap);
    b->fs->meta[b->fs->nmeta++] = (struct ext2_extent){(uint32_t)start, (uint32_t)count};
    return 0;
}

/* add_group: the metadata of group G. */
static int add_group(struct builder *b, uint32_t g)
{
    const struct ext2_fs *fs = b->fs;
    const struct ext2_group_desc *d = &fs->gd[g];
    uint64_t lo = ext2_group_start(fs, g), hi = group_end(fs, g);
    int err = add(b, g, "superblock and descriptor copy", lo, base_blocks(fs, g), lo, hi);
    if (has_feature_flex_bg(fs)) {
        lo = fs->sb.s_first_data_block;
        hi = fs->sb.s_blocks_count;
    }
    if (err == 0)
        err = add(b, g, "block bitmap", d->bg_block_bitmap, 1, lo, hi);
    if (err == 0)
        err = add(b, g, "inode bitmap", d->bg_inode_bitmap, 1, lo, hi);
    if (err == 0)
        err = add(b, g, "inode table", d->bg_inode_table, fs->itable_blocks, lo, hi);
    return err;
}

/* sift_down: restore the max-heap (by start) of the N extents at E below
 * index I. */
static void sift_down(struct ext2_extent *e, uint32_t n, uint32_t i)
{
    for (;;) {
        uint32_t big = i, l = 2 * i + 1, r = 2 * i + 2;
        if (l < n && e[l].start > e[big].start)
            big = l;
        if (r < n && e[r].start > e[big].start)
            big = r;
        if (big == i)
            return;
        struct ext2_extent t = e[i];
        e[i] = e[big];
        e[big] = t;
        i = big;
    }
}

/* sort_extents: heap sort of the N extents at E by start (no recursion,
 * O(n log n) for the many groups of a large file system). */
static void sort_extents(struct ext2_extent *e, uint32_t n)
{
    for (uint32_t i = n / 2; i-- > 0;)
        sift_down(e, n, i);
    for (uint32_t end = n; end-- > 1;) {
        struct ext2_extent t = e[0];
        e[0] = e[end];
        e[end] = t;
        sift_down(e, end, 0);
    }
}

/* merge_extents: after sorting, fold touching extents together.
 * ERR_BAD_FORMAT if two overlap (two structures claim one block). */
static int merge_extents(struct ext2_fs *fs)
{
    uint32_t out = 0;
    for (uint32_t i = 0; i < fs->nmeta; i++) {
        struct ext2_extent e = fs->meta[i];
        uint64_t prev_end = out ? (uint64_t)fs->meta[out - 1].start + fs->meta[out - 1].count : 0;
        if (out && e.start < prev_end) {
            printf("ext2: metadata overlaps at block %u\n", e.start);
            return ERR_BAD_FORMAT;
        }
        if (out && e.start == prev_end)
            fs->meta[out - 1].count += e.count;
        else
            fs->meta[out++] = e;
    }
    fs->nmeta = out;
    return 0;
}

/* ext2_layout_init: see ext2_internal.h. */
int ext2_layout_init(struct ext2_fs *fs)
{
    struct builder b = {fs, fs->ngroups * EXTENTS_PER_GROUP};
    fs->meta = kmalloc((size_t)b.cap * sizeof(*fs->meta));
    if (!fs->meta)
        return ERR_NO_MEMORY;
    fs->nmeta = 0;
    for (uint32_t g = 0; g < fs->ngroups; g++) {
        int err = add_group(&b, g);
        if (err < 0)
            return err;
    }
    sort_extents(fs->meta, fs->nmeta);
    return merge_extents(fs);
}

/* find_extent: the metadata extent holding BLOCK, or NULL. */
static const struct ext2_extent *find_extent(const struct ext2_fs *fs, uint32_t block)
{
    uint32_t lo = 0, hi = fs->nmeta; /* the answer is below hi */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (fs->meta[mid].start <= block)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct ext2_extent *e = &fs->meta[lo - 1];
    return block - e->start < e->count ? e : NULL;
}

/* ext2_meta_end: see ext2_internal.h. */
uint32_t ext2_meta_end(const struct ext2_fs *fs, uint32_t block)
{
    const struct ext2_extent *e = find_extent(fs, block);
    return e ? e->start + e->count : block;
}

/* ext2_block_valid: see ext2_internal.h. */
bool ext2_block_valid(const struct ext2_fs *fs, uint32_t block)
{
    if (block < fs->sb.s_first_data_block || block >= fs->sb.s_blocks_count)
        return false;
    return find_extent(fs, block) == NULL;
}
