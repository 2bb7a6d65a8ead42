/* ext2: the on-disk file system, addressed by inode number. It knows
 * blocks, bitmaps, inodes and directory entries, nothing of open files or
 * paths (fs/file.c builds those on top).
 *
 * Feature set (see fs/README.md): revision 0 and 1, block size 1024, 2048
 * or 4096, inode size 128 or 256 (larger inodes' extra bytes are
 * preserved), incompat "filetype", "meta_bg" and "flex_bg", ro_compat
 * "sparse_super" and "large_file", compat "sparse_super2", with metadata
 * wherever the descriptors put it (ext2_layout.c). Any other incompat or
 * ro_compat feature, a journal, or an inconsistent superblock makes
 * ext2_mount fail with a message naming it. Unknown compat features are ignored
 * as the format allows; directories we modify lose a dir_index hash tree
 * (the flag is cleared, the entries stay valid as a linear directory).
 *
 * Callers serialise all calls on one struct ext2_fs (fs/file.c holds its
 * file-system lock); the buffer cache below has its own lock. Functions
 * that change an inode take its number and the caller's in-memory copy,
 * update the copy and store it to the (cached) inode table. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/block.h"
#include "fs/bcache.h"
#include "fs/ext2_format.h"
#include "mm/memlayout.h"

struct ext2_fs;

struct ext2_fs_stats {
    uint32_t block_size;
    uint32_t blocks_count, free_blocks;
    uint32_t inodes_count, free_inodes;
    struct bcache_stats cache;
};

/* ext2_mount: check the superblock on DEV and mount it read-write (marks
 * it not clean on disk until unmount). ERR_BAD_FORMAT for a corrupted
 * superblock, ERR_UNSUPPORTED for a feature we lack, ERR_IO, ERR_NO_MEMORY.
 * Never panics on a bad disk. */
int ext2_mount(struct block_device *dev, struct ext2_fs **out);
/* ext2_sync: write superblock, group descriptors and dirty buffers. */
int ext2_sync(struct ext2_fs *fs);
/* ext2_unmount: sync, mark clean, free FS. Returns the first error. */
int ext2_unmount(struct ext2_fs *fs);
/* ext2_get_stats: counts and cache statistics. */
void ext2_get_stats(struct ext2_fs *fs, struct ext2_fs_stats *out);

/* Inodes */
int ext2_inode_load(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *out);
int ext2_inode_store(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *in);
/* ext2_inode_check: whether DI, loaded as inode INO, may be used as a file
 * or directory: ERR_BAD_FORMAT for a reserved inode other than the root, a
 * free inode, a directory whose size is not a whole non-zero number of
 * blocks, or a size beyond what the block map can address;
 * ERR_UNSUPPORTED for types other than files and directories. Every inode
 * reached through a directory entry must pass before it is used. */
int ext2_inode_check(struct ext2_fs *fs, uint32_t ino, const struct ext2_inode *di);
bool ext2_inode_is_dir(const struct ext2_inode *di);
uint64_t ext2_inode_size(const struct ext2_inode *di);
/* ext2_inode_create: allocate and store a fresh inode with MODE near the
 * directory PARENT_INO (links 0, size 0). ERR_NO_SPACE without inodes. */
int ext2_inode_create(struct ext2_fs *fs, uint32_t parent_ino, uint16_t mode, uint32_t *ino_out,
                      struct ext2_inode *di_out);
/* ext2_inode_delete: free every block inode INO owns (data, indirect, and
 * its share of an extended-attribute block: freed when no other inode
 * shares it) and the inode itself (its link count must be 0).
 * ERR_BAD_FORMAT for a reserved inode, a block pointer outside the data
 * area or a damaged attribute block (such blocks are not freed). */
int ext2_inode_delete(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di);
/* ext2_inode_read: copy up to SIZE bytes at OFFSET into BUF; holes read as
 * zeros. Returns the bytes read (0 at or past the end) or an error. */
long ext2_inode_read(struct ext2_fs *fs, const struct ext2_inode *di, void *buf, size_t size,
                     uint64_t offset);
/* ext2_inode_write: write SIZE bytes at OFFSET, allocating blocks and
 * growing the size as needed. Returns the bytes written; a short count if
 * the disk fills after some bytes, an error if none could be written. */
long ext2_inode_write(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, const void *buf,
                      size_t size, uint64_t offset);
/* File data by whole pages (PAGE_SIZE bytes, a multiple of the block
 * size), for the page cache (fs/file.c): the blocks go straight between
 * the disk and the page, runs of contiguous blocks as one request. */
#define EXT2_PAGE_BLOCKS_MAX (PAGE_SIZE >> EXT2_MIN_BLOCK_LOG) /* blocks per page at most */
/* ext2_page_read: fill the page at KVA with page INDEX of DI: holes and
 * bytes at or past the file's size read as zeros. ERR_IO, ERR_BAD_FORMAT
 * (a block pointer outside the data area). */
int ext2_page_read(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t index, void *kva);
/* struct ext2_span: where the N pages from page FIRST of a file lie on
 * the disk, mapped under the caller's file-system lock (ext2_span_map)
 * and read into the pages without it (ext2_span_read): the reading uses
 * only the disk and this record, so other file operations go on while
 * the data moves. Meanwhile the caller keeps the blocks the file's (it
 * holds the inode open: its blocks are freed only at its last close) and
 * the pages its own (nobody else writes them); a write of the same
 * blocks straight to the disk meanwhile (a hole among them filled, too)
 * may or may not be what the read gets: the caller must notice it (as
 * fs/file.c read_pages does). */
struct ext2_span {
    struct block_device *dev;
    uint32_t block_size; /* bytes */
    uint32_t npages;
    uint64_t first;                          /* page index */
    uint64_t size;                           /* the file's size in bytes when mapped */
    uint32_t nblocks;                        /* blocks holding bytes below SIZE */
    uint32_t *blks;                          /* their disk blocks (0: a hole) */
    struct block_seg *segs;                  /* room for a segment per page */
    uint32_t one_blks[EXT2_PAGE_BLOCKS_MAX]; /* BLKS of a one-page span */
    struct block_seg one_seg;                /* SEGS of a one-page span */
};
/* ext2_span_map: map the N (>= 1) pages from page FIRST of DI into SPAN.
 * File-system lock held. ERR_IO, ERR_BAD_FORMAT (a block pointer outside
 * the data area), ERR_NO_MEMORY (N > 1 only). On an error SPAN holds
 * nothing to release. */
int ext2_span_map(struct ext2_fs *fs, const struct ext2_inode *di, uint64_t first, uint32_t n,
                  struct ext2_span *span);
/* ext2_span_read: read SPAN's pages into the pages at KVAS[0..N): holes
 * and bytes at or past the size read as zeros; contiguous blocks across
 * pages are one request that the disk moves straight into the pages. No
 * lock needed. ERR_IO (the pages then hold anything). */
int ext2_span_read(struct ext2_span *span, void *const *kvas);
/* ext2_span_release: free what ext2_span_map took for SPAN. */
void ext2_span_release(struct ext2_span *span);
/* ext2_page_write: write page INDEX of inode INO (DI) from KVA: only the
 * blocks holding bytes below the file's size, holes among them allocated
 * first; bytes at or past the size are never written (the last block's
 * go as zeros). ERR_NO_SPACE, ERR_IO, ERR_BAD_FORMAT, ERR_NO_MEMORY. */
int ext2_page_write(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t index,
                    const void *kva);
/* ext2_file_reserve: allocate the blocks of [OFFSET, OFFSET + LEN) of
 * INO (DI) that are holes, so that a write of those bytes can reach the
 * disk later. Returns how many bytes from OFFSET have their blocks (short
 * when the disk fills), or ERR_NO_SPACE (none; also past the largest
 * size), ERR_IO, ERR_BAD_FORMAT. */
long ext2_file_reserve(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t offset,
                       size_t len);
/* ext2_write_direct: write LEN bytes of SRC at OFFSET (page aligned) of
 * INO (DI) straight to the disk, allocating holes, without the page cache
 * (a partial last block is read, merged and written), contiguous blocks
 * as one request. Returns the bytes written (short, whole blocks, when
 * the disk fills) or an error. */
long ext2_write_direct(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t offset,
                       const void *src, size_t len);
/* ext2_file_grow: a write ended at byte END: the size grows to END if it
 * was smaller, the times are set, the inode is stored. */
int ext2_file_grow(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t end);
/* ext2_inode_extend: grow the size to SIZE without allocating (a hole). */
int ext2_inode_extend(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint64_t size);

/* Directories. Names are (pointer, length), not NUL-terminated. */
/* ext2_dir_lookup: inode number of NAME in DIR, or ERR_NOT_FOUND. */
int ext2_dir_lookup(struct ext2_fs *fs, const struct ext2_inode *dir, const char *name, size_t len,
                    uint32_t *ino_out);
/* ext2_dir_add: add entry NAME -> INO (of EXT2_FT_* TYPE) to DIR. Does not
 * check for duplicates; may grow DIR by a block (ERR_NO_SPACE). */
int ext2_dir_add(struct ext2_fs *fs, uint32_t dir_ino, struct ext2_inode *dir, const char *name,
                 size_t len, uint32_t ino, uint8_t type);
/* ext2_dir_remove: remove the entry NAME from DIR; ERR_NOT_FOUND. */
int ext2_dir_remove(struct ext2_fs *fs, uint32_t dir_ino, struct ext2_inode *dir, const char *name,
                    size_t len);
/* ext2_dir_next: the next used entry at or after byte *POS of DIR: copies
 * its NUL-terminated name into NAME (EXT2_NAME_LEN + 1 bytes), sets *INO,
 * advances *POS and returns 1; returns 0 at the end, or an error. */
int ext2_dir_next(struct ext2_fs *fs, const struct ext2_inode *dir, uint64_t *pos, char *name,
                  uint32_t *ino);
/* ext2_dir_is_empty: 1 if DIR holds only "." and "..", 0 if not, or error. */
int ext2_dir_is_empty(struct ext2_fs *fs, const struct ext2_inode *dir);
/* ext2_dir_init: give the fresh directory INO its first block with "."
 * and ".." (PARENT_INO); sets its link count to 2. */
int ext2_dir_init(struct ext2_fs *fs, uint32_t ino, struct ext2_inode *di, uint32_t parent_ino);
