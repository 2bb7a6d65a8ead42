/* ext2 directories: linear lists of variable-length entries, each block
 * covered exactly by the rec_len chain of its entries. An unused entry has
 * inode 0 (only the first of a block stays so; others are merged into their
 * predecessor when removed). New entries go into the slack of an existing
 * entry or into a fresh block appended to the directory.
 *
 * Every entry is checked (rec_len aligned, inside the block, long enough
 * for its name) before use: a corrupted directory yields ERR_BAD_FORMAT. */
#include "fs/ext2_internal.h"

#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/string.h"

/* rec_size: bytes an entry with a NAME_LEN-byte name needs. */
static uint32_t rec_size(uint32_t name_len)
{
    return (EXT2_DIR_ENTRY_HEADER + name_len + EXT2_DIR_ROUND - 1) & ~(EXT2_DIR_ROUND - 1u);
}

/* entry_at: the entry at OFF of block DATA, or NULL if it is malformed. */
static struct ext2_dir_entry *entry_at(struct ext2_fs *fs, uint8_t *data, uint32_t off)
{
    if (off + EXT2_DIR_ENTRY_HEADER > fs->block_size)
        return NULL;
    struct ext2_dir_entry *e = (struct ext2_dir_entry *)(data + off);
    if (e->rec_len < EXT2_DIR_ENTRY_HEADER || e->rec_len % EXT2_DIR_ROUND != 0 ||
        off + e->rec_len > fs->block_size || rec_size(e->name_len) > e->rec_len) {
        printf("ext2: corrupted directory entry at offset %u\n", off);
        return NULL;
    }
    return e;
}

/* dir_block: pin block FBLOCK of directory DIR (ERR_BAD_FORMAT for a hole). */
static int dir_block(struct ext2_fs *fs, const struct ext2_inode *dir, uint64_t fblock,
                     struct buf **b)
{
    uint32_t blk;
    int err = ext2_bmap(fs, 0, (struct ext2_inode *)dir, fblock, false, &blk, NULL);
    if (err < 0)
        return err;
    if (blk == 0)
        return ERR_BAD_FORMAT;
    return bcache_get(fs->cache, blk, b);
}

static uint64_t dir_blocks(struct ext2_fs *fs, const struct ext2_inode *dir)
{
    return dir->i_size / fs->block_size;
}

static bool name_is(const struct ext2_dir_entry *e, const char *name, size_t len)
{
    return e->inode != 0 && e->name_len == len && memcmp(e->name, name, len) == 0;
}

/* ext2_dir_lookup: see ext2.h. */
int ext2_dir_lookup(struct ext2_fs *fs, const struct ext2_inode *dir, const char *name, size_t len,
                    uint32_t *ino_out)
{
    for (uint64_t fb = 0; fb < dir_blocks(fs, dir); fb++) {
        struct buf *b;
        int err = dir_block(fs, dir, fb, &b);
        if (err < 0)
            return err;
        for (uint32_t off = 0; off < fs->block_size;) {
            struct ext2_dir_entry *e = entry_at(fs, b->data, off);
            if (!e) {
                bcache_release(b);
                return ERR_BAD_FORMAT;
            }
            if (name_is(e, name, len)) {
                *ino_out = e->inode;
                bcache_release(b);
                return 0;
            }
            off += e->rec_len;
        }
        bcache_release(b);
    }
    return ERR_NOT_FOUND;
}

/* fill_entry: write NAME -> INO of TYPE into E (rec_len already set). */
static void fill_entry(struct ext2_fs *fs, struct ext2_dir_entry *e, const char *name, size_t len,
                       uint32_t ino, uint8_t type)
{
    e->inode = ino;
    e->name_len = (uint8_t)len;
    e->file_type = (fs->sb.s_feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE) ? type : 0;
    memcpy(e->name, name, len);
}

/* add_in_block: put the entry into the slack of an entry of block B;
 * returns 1 if done, 0 if the block has no room, or ERR_BAD_FORMAT. */
static int add_in_block(struct ext2_fs *fs, struct buf *b, const char *name, size_t len,
                        uint32_t ino, uint8_t type)
{
    uint32_t need = rec_size((uint32_t)len);
    for (uint32_t off = 0; off < fs->block_size;) {
        struct ext2_dir_entry *e = entry_at(fs, b->data, off);
        if (!e)
            return ERR_BAD_FORMAT;
        uint32_t used = e->inode ? rec_size(e->name_len) : 0;
        if (e->rec_len - used >= need) {
            if (used > 0) {
                struct ext2_dir_entry *n = (struct ext2_dir_entry *)(b->data + off + used);
                n->rec_len = (uint16_t)(e->rec_len - used);
                e->rec_len = (uint16_t)used;
                e = n;
            }
            fill_entry(fs, e, name, len, ino, type);
            bcache_mark_dirty(b);
            return 1;
        }
        off += e->rec_len;
    }
    return 0;
}

/* append_block: grow DIR by a block holding only the new entry. */
static int append_block(struct ext2_fs *fs, uint32_t dir_ino, struct ext2_inode *dir,
                        const char *name, size_t len, uint32_t ino, uint8_t type)
{
    uint32_t blk;
    int err = ext2_bmap(fs, dir_ino, dir, dir_blocks(fs, dir), true, &blk, NULL);
    if (err == 0) {
        struct buf *b;
        if ((err = bcache_get(fs->cache, blk, &b)) == 0) {
            struct ext2_dir_entry *e = (struct ext2_dir_entry *)b->data;
            e->rec_len = (uint16_t)fs->block_size;
            fill_entry(fs, e, name, len, ino, type);
            bcache_mark_dirty(b);
            bcache_release(b);
            dir->i_size += fs->block_size;
        }
    }
    int serr = ext2_inode_store(fs, dir_ino, dir);
    return err < 0 ? err : serr;
}

/* ext2_dir_add: see ext2.h. */
int ext2_dir_add(struct ext2_fs *fs, uint32_t dir_ino, struct ext2_inode *dir, const char *name,
                 size_t len, uint32_t ino, uint8_t type)
{
    if (len == 0 || len > EXT2_NAME_LEN)
        return ERR_NAME_TOO_LONG;
    dir->i_flags &= ~EXT2_INDEX_FL;
    dir->i_mtime = dir->i_ctime = fs->now;
    for (uint64_t fb = 0; fb < dir_blocks(fs, dir); fb++) {
        struct buf *b;
        int err = dir_block(fs, dir, fb, &b);
        if (err < 0)
            return err;
        err = add_in_block(fs, b, name, len, ino, type);
        bcache_release(b);
        if (err != 0)
            return err < 0 ? err : ext2_inode_store(fs, dir_ino, dir);
    }
    return append_block(fs, dir_ino, dir, name, len, ino, type);
}

/* remove_in_block: unlink entry NAME from block B; 1 if found, 0 if not,
 * or ERR_BAD_FORMAT. */
static int remove_in_block(struct ext2_fs *fs, struct buf *b, const char *name, size_t len)
{
    struct ext2_dir_entry *prev = NULL;
    for (uint32_t off = 0; off < fs->block_size;) {
        struct ext2_dir_entry *e = entry_at(fs, b->data, off);
        if (!e)
            return ERR_BAD_FORMAT;
        if (name_is(e, name, len)) {
            if (prev)
                prev->rec_len = (uint16_t)(prev->rec_len + e->rec_len);
            else
                e->inode = 0;
            bcache_mark_dirty(b);
            return 1;
        }
        prev = e;
        off += e->rec_len;
    }
    return 0;
}

/* ext2_dir_remove: see ext2.h. */
int ext2_dir_remove(struct ext2_fs *fs, uint32_t dir_ino, struct ext2_inode *dir, const char *name,
                    size_t len)
{
    for (uint64_t fb = 0; fb < dir_blocks(fs, dir); fb++) {
        struct buf *b;
        int err = dir_block(fs, dir, fb, &b);
        if (err < 0)
            return err;
        err = remove_in_block(fs, b, name, len);
        bcache_release(b);
        if (err < 0)
            return err;
        if (err > 0) {
            dir->i_flags &= ~EXT2_INDEX_FL;
            dir->i_mtime = dir->i_ctime = fs->now;
            return ext2_inode_store(fs, dir_ino, dir);
        }
    }
    return ERR_NOT_FOUND;
}

/* next_in_block: the first used entry of block B at or after byte START;
 * copies it out and sets *END past it. 1 if found, 0 if none, or error. */
static int next_in_block(struct ext2_fs *fs, struct buf *b, uint32_t start, char *name,
                         uint32_t *ino, uint32_t *end)
{
    for (uint32_t off = 0; off < fs->block_size;) {
        struct ext2_dir_entry *e = entry_at(fs, b->data, off);
        if (!e)
            return ERR_BAD_FORMAT;
        off += e->rec_len;
        if (off <= start || e->inode == 0)
            continue;
        memcpy(name, e->name, e->name_len);
        name[e->name_len] = '\0';
        *ino = e->inode;
        *end = off;
        return 1;
    }
    return 0;
}

/* ext2_dir_next: see ext2.h. *POS is a byte offset; an entry counts if it
 * ends after *POS, so entries merged meanwhile are neither lost nor
 * repeated. */
int ext2_dir_next(struct ext2_fs *fs, const struct ext2_inode *dir, uint64_t *pos, char *name,
                  uint32_t *ino)
{
    while (*pos / fs->block_size < dir_blocks(fs, dir)) {
        uint64_t fb = *pos / fs->block_size;
        struct buf *b;
        int err = dir_block(fs, dir, fb, &b);
        if (err < 0)
            return err;
        uint32_t end = 0;
        err = next_in_block(fs, b, (uint32_t)(*pos % fs->block_size), name, ino, &end);
        bcache_release(b);
        if (err < 0)
            return err;
        *pos = err > 0 ? fb * fs->block_size + end : (fb + 1) * fs->block_size;
        if (err > 0)
            return 1;
    }
    return 0;
}

static bool is_dot_or_dotdot(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* ext2_dir_is_empty: see ext2.h. */
int ext2_dir_is_empty(struct ext2_fs *fs, const struct ext2_inode *dir)
{
    char name[EXT2_NAME_LEN + 1];
    uint64_t pos = 0;
    uint32_t ino;
    int r;
    while ((r = ext2_dir_next(fs, dir, &pos, name, &ino)) > 0)
        if (!is_dot_or_dotdot(name))
            return 0;
    return r < 0 ? r : 1;
}

/* ext2_dir_init: see ext2.h. */
int ext2_dir_init(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint32_t parent_ino)
{
    uint32_t blk;
    int err = ext2_bmap(fs, ino, di, 0, true, &blk, NULL);
    if (err < 0)
        return err;
    struct buf *b;
    if ((err = bcache_get(fs->cache, blk, &b)) < 0)
        return err;
    struct ext2_dir_entry *dot = (struct ext2_dir_entry *)b->data;
    dot->rec_len = (uint16_t)rec_size(1);
    fill_entry(fs, dot, ".", 1, ino, EXT2_FT_DIR);
    struct ext2_dir_entry *dotdot = (struct ext2_dir_entry *)(b->data + dot->rec_len);
    dotdot->rec_len = (uint16_t)(fs->block_size - dot->rec_len);
    fill_entry(fs, dotdot, "..", 2, parent_ino, EXT2_FT_DIR);
    bcache_mark_dirty(b);
    bcache_release(b);
    di->i_size = fs->block_size;
    di->i_links_count = 2;
    return ext2_inode_store(fs, ino, di);
}
