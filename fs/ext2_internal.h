/* Private to the ext2 files: the in-memory mounted file system and the
 * helpers the ext2_*.c files share. */
#pragma once
#include "fs/bcache.h"
#include "fs/ext2.h"
#include "fs/ext2_format.h"

/* A run of COUNT metadata blocks from START (ext2_layout.c). */
struct ext2_extent {
    uint32_t start, count;
};

struct ext2_fs {
    struct block_device *dev;
    struct bcache *cache;
    struct ext2_super_block sb; /* in-memory copy, written at sync */
    struct ext2_group_desc *gd; /* ngroups descriptors, written at sync */
    uint32_t ngroups;
    uint32_t gd_blocks;       /* blocks the descriptor table occupies */
    struct ext2_extent *meta; /* every metadata block, sorted, merged */
    uint32_t nmeta;
    uint32_t itable_blocks; /* blocks of one group's inode table */
    uint32_t block_size;
    uint32_t inode_size;
    uint32_t first_ino;       /* first non-reserved inode */
    uint32_t ptrs_per_block;  /* block numbers per indirect block */
    uint64_t max_file_blocks; /* blocks the block map can address */
    uint32_t now;             /* timestamp for new inodes (no clock) */
};

/* ext2_alloc.c */
/* ext2_block_alloc: allocate a block, preferably GOAL or after it; its
 * buffer is zero-filled (dirty). ERR_NO_SPACE when the disk is full. */
int ext2_block_alloc(struct ext2_fs *fs, uint32_t goal, uint32_t *out);
/* ext2_group_start: the first block of group G. */
uint32_t ext2_group_start(const struct ext2_fs *fs, uint32_t g);
/* ext2_block_free: mark BLOCK free and update the counts. ERR_BAD_FORMAT
 * for a block outside the data area, ERR_INVALID if it was free. */
int ext2_block_free(struct ext2_fs *fs, uint32_t block);
/* ext2_ialloc: allocate an inode number for a file (DIR false) or a
 * directory, near PARENT_INO. ERR_NO_SPACE when none is free. */
int ext2_ialloc(struct ext2_fs *fs, uint32_t parent_ino, bool dir, uint32_t *out);
/* ext2_ifree: mark inode INO free (DIR: it was a directory).
 * ERR_BAD_FORMAT for a reserved or impossible inode number. */
int ext2_ifree(struct ext2_fs *fs, uint32_t ino, bool dir);

/* ext2_layout.c */
/* ext2_desc_block: the block holding descriptor block I (0 <= I <
 * gd_blocks) of the primary table; depends only on the superblock. */
uint32_t ext2_desc_block(const struct ext2_fs *fs, uint32_t i);
/* ext2_layout_init: build FS->meta from the superblock and the loaded
 * descriptors. ERR_BAD_FORMAT (with a message) if metadata lies outside
 * the file system, outside its group without flex_bg, or overlaps other
 * metadata; ERR_NO_MEMORY. */
int ext2_layout_init(struct ext2_fs *fs);
/* ext2_meta_end: if BLOCK is metadata, the first block after the metadata
 * extent holding it; else BLOCK itself. */
uint32_t ext2_meta_end(const struct ext2_fs *fs, uint32_t block);
/* ext2_block_valid: BLOCK lies in the file system and is not metadata (a
 * superblock or descriptor copy, reserved descriptor blocks, a bitmap, an
 * inode table). A block pointer read from the disk must pass before it is
 * followed, written or freed. */
bool ext2_block_valid(const struct ext2_fs *fs, uint32_t block);

/* ext2_inode.c */
/* ext2_bmap: the disk block of file block FBLOCK of DI (0 = hole). With
 * ALLOC, fill holes (data and indirect blocks), updating DI's i_blocks
 * and block map; *NEW_BLOCK tells the data block was just allocated. */
int ext2_bmap(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t fblock, bool alloc,
              uint32_t *out, bool *new_block);
