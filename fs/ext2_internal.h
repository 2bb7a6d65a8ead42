/* Private to the ext2 files: the in-memory mounted file system and the
 * helpers the ext2_*.c files share. */
#pragma once
#include "fs/bcache.h"
#include "fs/ext2.h"
#include "fs/ext2_format.h"

struct ext2_fs {
    struct block_device *dev;
    struct bcache *cache;
    struct ext2_super_block sb; /* in-memory copy, written at sync */
    struct ext2_group_desc *gd; /* ngroups descriptors, written at sync */
    uint32_t ngroups;
    uint32_t gd_blocks;     /* blocks the descriptor table occupies */
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
/* ext2_block_valid: BLOCK lies in the file system and in the data area of
 * its group, not on a superblock, descriptor or bitmap copy or an inode
 * table (a block pointer read from the disk must, before it is followed,
 * written or freed). */
bool ext2_block_valid(const struct ext2_fs *fs, uint32_t block);
/* ext2_group_start: the first block of group G. */
uint32_t ext2_group_start(const struct ext2_fs *fs, uint32_t g);
/* ext2_group_data_start: the first block of group G after its metadata
 * (superblock and descriptor copies, bitmaps, inode table), which mount
 * has checked to lie at the start of the group. */
uint32_t ext2_group_data_start(const struct ext2_fs *fs, uint32_t g);
/* ext2_block_free: mark BLOCK free and update the counts. ERR_BAD_FORMAT
 * for a block outside the data area, ERR_INVALID if it was free. */
int ext2_block_free(struct ext2_fs *fs, uint32_t block);
/* ext2_ialloc: allocate an inode number for a file (DIR false) or a
 * directory, near PARENT_INO. ERR_NO_SPACE when none is free. */
int ext2_ialloc(struct ext2_fs *fs, uint32_t parent_ino, bool dir, uint32_t *out);
/* ext2_ifree: mark inode INO free (DIR: it was a directory).
 * ERR_BAD_FORMAT for a reserved or impossible inode number. */
int ext2_ifree(struct ext2_fs *fs, uint32_t ino, bool dir);

/* ext2_inode.c */
/* ext2_bmap: the disk block of file block FBLOCK of DI (0 = hole). With
 * ALLOC, fill holes (data and indirect blocks), updating DI's i_blocks
 * and block map; *NEW_BLOCK tells the data block was just allocated. */
int ext2_bmap(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t fblock, bool alloc,
              uint32_t *out, bool *new_block);
