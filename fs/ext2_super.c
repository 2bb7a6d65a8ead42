/* ext2 superblock and group descriptors: mount (validate everything before
 * trusting it), sync and unmount.
 *
 * The superblock and the group descriptor table are read once at mount and
 * kept in memory (struct ext2_fs); the allocator updates the copies and
 * ext2_sync writes the primary copies back through the buffer cache. Like
 * Linux, the backup copies in other groups are left as mke2fs wrote them.
 * s_state is EXT2_VALID_FS on disk only while unmounted: mount writes 0,
 * unmount writes EXT2_VALID_FS back after everything else is on disk. */
#include "fs/ext2_internal.h"

#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"

/* Features this kernel implements; every other incompat or ro_compat bit,
 * and the compat bits in EXT2_COMPAT_REFUSED, make mount refuse. */
#define EXT2_INCOMPAT_SUPPORTED \
    (EXT2_FEATURE_INCOMPAT_FILETYPE | EXT2_FEATURE_INCOMPAT_META_BG | EXT4_FEATURE_INCOMPAT_FLEX_BG)
#define EXT2_RO_COMPAT_SUPPORTED \
    (EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | EXT2_FEATURE_RO_COMPAT_LARGE_FILE)
/* Compat features that are not safe to ignore when writing: a journal we
 * would not replay or update; lazy_bg groups whose bitmaps were never
 * written. */
#define EXT2_COMPAT_REFUSED   (EXT3_FEATURE_COMPAT_HAS_JOURNAL | EXT2_FEATURE_COMPAT_LAZY_BG)
#define EXT2_MAX_BLOCK_LOG    2 /* 4096-byte blocks: a block fits in a page */
#define EXT2_INODE_SIZE_LARGE 256
#define EXT2_SB_SECTORS       (EXT2_SUPERBLOCK_SIZE / BLOCK_SECTOR_SIZE)

/* bad: print why the superblock is refused and return ERR. */
static int bad(int err, const char *why)
{
    printf("ext2: refusing to mount: %s\n", why);
    return err;
}

struct feature_name {
    uint32_t bit;
    const char *name; /* as mke2fs -O and dumpe2fs spell it */
};

static const struct feature_name compat_names[] = {
    {EXT3_FEATURE_COMPAT_HAS_JOURNAL, "has_journal"},
    {EXT2_FEATURE_COMPAT_LAZY_BG, "lazy_bg"},
};

static const struct feature_name ro_compat_names[] = {
    {EXT2_FEATURE_RO_COMPAT_BTREE_DIR, "btree_dir"},
    {EXT4_FEATURE_RO_COMPAT_HUGE_FILE, "huge_file"},
    {EXT4_FEATURE_RO_COMPAT_GDT_CSUM, "uninit_bg"},
    {EXT4_FEATURE_RO_COMPAT_DIR_NLINK, "dir_nlink"},
    {EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE, "extra_isize"},
    {EXT4_FEATURE_RO_COMPAT_QUOTA, "quota"},
    {EXT4_FEATURE_RO_COMPAT_BIGALLOC, "bigalloc"},
    {EXT4_FEATURE_RO_COMPAT_METADATA_CSUM, "metadata_csum"},
    {EXT4_FEATURE_RO_COMPAT_READONLY, "read-only"},
    {EXT4_FEATURE_RO_COMPAT_PROJECT, "project"},
    {EXT4_FEATURE_RO_COMPAT_VERITY, "verity"},
};

static const struct feature_name incompat_names[] = {
    {EXT2_FEATURE_INCOMPAT_COMPRESSION, "compression"},
    {EXT3_FEATURE_INCOMPAT_RECOVER, "needs_recovery"},
    {EXT3_FEATURE_INCOMPAT_JOURNAL_DEV, "journal_dev"},
    {EXT4_FEATURE_INCOMPAT_EXTENTS, "extent"},
    {EXT4_FEATURE_INCOMPAT_64BIT, "64bit"},
    {EXT4_FEATURE_INCOMPAT_MMP, "mmp"},
    {EXT4_FEATURE_INCOMPAT_EA_INODE, "ea_inode"},
    {EXT4_FEATURE_INCOMPAT_CSUM_SEED, "metadata_csum_seed"},
    {EXT4_FEATURE_INCOMPAT_LARGEDIR, "large_dir"},
    {EXT4_FEATURE_INCOMPAT_INLINE_DATA, "inline_data"},
    {EXT4_FEATURE_INCOMPAT_ENCRYPT, "encrypt"},
    {EXT4_FEATURE_INCOMPAT_CASEFOLD, "casefold"},
};

#define NAMES(table) table, sizeof(table) / sizeof(table[0])

/* refuse_features: if BITS (features of the KIND field that we do not
 * implement) is not empty, print the name of its lowest feature and
 * return ERR_UNSUPPORTED; else 0. */
static int refuse_features(uint32_t bits, const char *kind, const struct feature_name *names,
                           size_t count)
{
    if (bits == 0)
        return 0;
    uint32_t bit = bits & -bits;
    const char *name = "(unknown)";
    for (size_t i = 0; i < count; i++)
        if (names[i].bit == bit)
            name = names[i].name;
    printf("ext2: refusing to mount: %s feature %s (0x%x) is not implemented\n", kind, name, bit);
    return ERR_UNSUPPORTED;
}

/* check_features: ERR_UNSUPPORTED (naming the feature) if SB needs one we
 * lack. Revision 0 has no feature fields. */
static int check_features(const struct ext2_super_block *sb)
{
    if (sb->s_rev_level == EXT2_GOOD_OLD_REV)
        return 0;
    int err = refuse_features(sb->s_feature_incompat & ~EXT2_INCOMPAT_SUPPORTED, "incompat",
                              NAMES(incompat_names));
    if (err == 0)
        err = refuse_features(sb->s_feature_ro_compat & ~EXT2_RO_COMPAT_SUPPORTED, "ro_compat",
                              NAMES(ro_compat_names));
    if (err == 0)
        err = refuse_features(sb->s_feature_compat & EXT2_COMPAT_REFUSED, "compat",
                              NAMES(compat_names));
    return err;
}

/* check_geometry: ERR_BAD_FORMAT unless SB's sizes and counts are possible
 * for a device of DEV_SECTORS sectors. Fills the derived fields of FS. */
static int check_geometry(struct ext2_fs *fs, const struct ext2_super_block *sb,
                          uint64_t dev_sectors)
{
    if (sb->s_magic != EXT2_SUPER_MAGIC)
        return bad(ERR_BAD_FORMAT, "bad magic (not ext2)");
    if (sb->s_rev_level > EXT2_DYNAMIC_REV)
        return bad(ERR_UNSUPPORTED, "unknown revision");
    if (sb->s_log_block_size > EXT2_MAX_BLOCK_LOG)
        return bad(ERR_UNSUPPORTED, "block size above 4096 (the page size) is not implemented");
    fs->block_size = 1024u << sb->s_log_block_size;
    uint32_t bits = fs->block_size * 8;
    if (sb->s_first_data_block != (fs->block_size == 1024 ? 1u : 0u))
        return bad(ERR_BAD_FORMAT, "bad first data block");
    if (sb->s_blocks_per_group == 0 || sb->s_blocks_per_group > bits ||
        sb->s_inodes_per_group == 0 || sb->s_inodes_per_group > bits)
        return bad(ERR_BAD_FORMAT, "bad blocks or inodes per group");
    if (sb->s_blocks_count <= sb->s_first_data_block ||
        (uint64_t)sb->s_blocks_count * (fs->block_size / BLOCK_SECTOR_SIZE) > dev_sectors)
        return bad(ERR_BAD_FORMAT, "block count does not fit the partition");
    fs->ngroups = (sb->s_blocks_count - sb->s_first_data_block + sb->s_blocks_per_group - 1) /
                  sb->s_blocks_per_group;
    if ((uint64_t)fs->ngroups * sb->s_inodes_per_group != sb->s_inodes_count)
        return bad(ERR_BAD_FORMAT, "inode count does not match the groups");
    if (sb->s_free_blocks_count > sb->s_blocks_count ||
        sb->s_free_inodes_count > sb->s_inodes_count)
        return bad(ERR_BAD_FORMAT, "free counts exceed totals");
    return 0;
}

/* check_inodes: derive and check the inode size and first inode. */
static int check_inodes(struct ext2_fs *fs, const struct ext2_super_block *sb)
{
    fs->inode_size = EXT2_GOOD_OLD_INODE_SIZE;
    fs->first_ino = EXT2_GOOD_OLD_FIRST_INO;
    if (sb->s_rev_level == EXT2_DYNAMIC_REV) {
        fs->inode_size = sb->s_inode_size;
        fs->first_ino = sb->s_first_ino;
    }
    if (fs->inode_size != EXT2_GOOD_OLD_INODE_SIZE && fs->inode_size != EXT2_INODE_SIZE_LARGE)
        return bad(ERR_UNSUPPORTED, "inode size is not 128 or 256");
    if (fs->first_ino <= EXT2_ROOT_INO || fs->first_ino > sb->s_inodes_per_group)
        return bad(ERR_BAD_FORMAT, "bad first inode");
    if (sb->s_state & EXT2_ERROR_FS)
        return bad(ERR_BAD_FORMAT, "file system has errors (run e2fsck)");
    return 0;
}

/* check_groups: every group's free counts are possible, and its bitmaps
 * and inode table lie where the layout rules allow (ext2_layout.c). */
static int check_groups(struct ext2_fs *fs)
{
    fs->itable_blocks =
        (fs->sb.s_inodes_per_group * fs->inode_size + fs->block_size - 1) / fs->block_size;
    uint32_t total_free = 0;
    for (uint32_t g = 0; g < fs->ngroups; g++) {
        const struct ext2_group_desc *d = &fs->gd[g];
        if (d->bg_free_inodes_count > fs->sb.s_inodes_per_group ||
            d->bg_free_blocks_count > fs->sb.s_blocks_per_group)
            return bad(ERR_BAD_FORMAT, "group descriptor free counts impossible");
        total_free += d->bg_free_blocks_count;
    }
    if (total_free > fs->sb.s_blocks_count)
        return bad(ERR_BAD_FORMAT, "group free counts exceed the total");
    int err = ext2_layout_init(fs);
    if (err == ERR_BAD_FORMAT)
        return bad(err, "group metadata misplaced");
    return err;
}

/* read_group_descs: load the descriptor table (its blocks follow the
 * superblock, or with meta_bg lie in the meta groups: ext2_desc_block). */
static int read_group_descs(struct ext2_fs *fs)
{
    uint32_t per_block = fs->block_size / EXT2_GROUP_DESC_SIZE;
    fs->gd_blocks = (fs->ngroups + per_block - 1) / per_block;
    if ((fs->sb.s_feature_incompat & EXT2_FEATURE_INCOMPAT_META_BG) &&
        fs->sb.s_first_meta_bg > fs->gd_blocks)
        return bad(ERR_BAD_FORMAT, "first meta group beyond the descriptor table");
    fs->gd = kmalloc((size_t)fs->gd_blocks * fs->block_size);
    if (!fs->gd)
        return ERR_NO_MEMORY;
    for (uint32_t i = 0; i < fs->gd_blocks; i++) {
        if (ext2_desc_block(fs, i) >= fs->sb.s_blocks_count)
            return bad(ERR_BAD_FORMAT, "descriptor block outside the file system");
        struct buf *b;
        int err = bcache_get(fs->cache, ext2_desc_block(fs, i), &b);
        if (err < 0)
            return err;
        memcpy((uint8_t *)fs->gd + (size_t)i * fs->block_size, b->data, fs->block_size);
        bcache_release(b);
    }
    return check_groups(fs);
}

/* write_super: copy the in-memory superblock into its cached block. */
static int write_super(struct ext2_fs *fs)
{
    struct buf *b;
    int err = bcache_get(fs->cache, EXT2_SUPERBLOCK_OFFSET / fs->block_size, &b);
    if (err < 0)
        return err;
    memcpy(b->data + EXT2_SUPERBLOCK_OFFSET % fs->block_size, &fs->sb, sizeof(fs->sb));
    bcache_mark_dirty(b);
    bcache_release(b);
    return 0;
}

/* write_group_descs: copy the descriptor table into its cached blocks. */
static int write_group_descs(struct ext2_fs *fs)
{
    for (uint32_t i = 0; i < fs->gd_blocks; i++) {
        struct buf *b;
        int err = bcache_get(fs->cache, ext2_desc_block(fs, i), &b);
        if (err < 0)
            return err;
        size_t bytes = (size_t)fs->ngroups * EXT2_GROUP_DESC_SIZE - (size_t)i * fs->block_size;
        if (bytes > fs->block_size)
            bytes = fs->block_size;
        memcpy(b->data, (uint8_t *)fs->gd + (size_t)i * fs->block_size, bytes);
        bcache_mark_dirty(b);
        bcache_release(b);
    }
    return 0;
}

/* ext2_sync: see ext2.h. */
int ext2_sync(struct ext2_fs *fs)
{
    int err = write_group_descs(fs);
    if (err == 0)
        err = write_super(fs);
    int err2 = bcache_sync(fs->cache);
    return err < 0 ? err : err2;
}

/* free_fs: release FS's memory (the cache must be synced or abandoned). */
static void free_fs(struct ext2_fs *fs)
{
    if (fs->cache)
        bcache_destroy(fs->cache);
    kfree(fs->meta);
    kfree(fs->gd);
    kfree(fs);
}

/* load_super: read and check the superblock of DEV into FS->sb. */
static int load_super(struct ext2_fs *fs, struct block_device *dev)
{
    if (dev->sector_count < (EXT2_SUPERBLOCK_OFFSET + EXT2_SUPERBLOCK_SIZE) / BLOCK_SECTOR_SIZE)
        return bad(ERR_BAD_FORMAT, "partition too small");
    int err = block_read(dev, EXT2_SUPERBLOCK_OFFSET / BLOCK_SECTOR_SIZE, EXT2_SB_SECTORS, &fs->sb);
    if (err < 0)
        return bad(ERR_IO, "cannot read the superblock");
    if ((err = check_geometry(fs, &fs->sb, dev->sector_count)) < 0)
        return err;
    if ((err = check_features(&fs->sb)) < 0)
        return err;
    return check_inodes(fs, &fs->sb);
}

/* derive: the fields of FS computed from the checked superblock. */
static void derive(struct ext2_fs *fs)
{
    uint64_t p = fs->block_size / sizeof(uint32_t);
    fs->ptrs_per_block = (uint32_t)p;
    fs->max_file_blocks = EXT2_NDIR_BLOCKS + p + p * p + p * p * p;
    fs->now = fs->sb.s_wtime;
}

/* ext2_mount: see ext2.h. */
int ext2_mount(struct block_device *dev, struct ext2_fs **out)
{
    struct ext2_fs *fs = kzalloc(sizeof(*fs));
    if (!fs)
        return ERR_NO_MEMORY;
    fs->dev = dev;
    int err = load_super(fs, dev);
    if (err < 0)
        goto fail;
    derive(fs);
    err = ERR_NO_MEMORY;
    fs->cache = bcache_create(dev, fs->block_size, BCACHE_DEFAULT_BUFFERS);
    if (!fs->cache)
        goto fail;
    if ((err = read_group_descs(fs)) < 0)
        goto fail;
    fs->sb.s_state = 0; /* mounted: not clean until unmount */
    fs->sb.s_mnt_count++;
    if ((err = write_super(fs)) < 0 || (err = bcache_sync(fs->cache)) < 0)
        goto fail;
    *out = fs;
    return 0;
fail:
    free_fs(fs);
    return err;
}

/* ext2_unmount: see ext2.h. Everything else reaches the disk before the
 * superblock says "clean". */
int ext2_unmount(struct ext2_fs *fs)
{
    int err = ext2_sync(fs);
    if (err == 0) {
        fs->sb.s_state = EXT2_VALID_FS;
        err = write_super(fs);
        if (err == 0)
            err = bcache_sync(fs->cache);
    }
    free_fs(fs);
    return err;
}

/* ext2_get_stats: see ext2.h. */
void ext2_get_stats(struct ext2_fs *fs, struct ext2_fs_stats *out)
{
    out->block_size = fs->block_size;
    out->blocks_count = fs->sb.s_blocks_count;
    out->free_blocks = fs->sb.s_free_blocks_count;
    out->inodes_count = fs->sb.s_inodes_count;
    out->free_inodes = fs->sb.s_free_inodes_count;
    bcache_get_stats(fs->cache, &out->cache);
}
