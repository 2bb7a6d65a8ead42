/* The file interface the rest of the kernel uses (system calls, exec, the
 * VM's mmap and lazy loading): open inodes shared and reference counted,
 * open files (an inode plus a byte offset), path names, and whole-file
 * operations. Everything is on the one ext2 file system mounted by fs_init.
 *
 * All functions may sleep (thread context only) and return a negative
 * ERR_ code on failure. Buffers passed in must be kernel memory that cannot
 * fault (copy user data first): the file-system lock is held during the
 * copy and a page fault that needs the file system would deadlock. A
 * struct file's offset is not locked: share one between threads only with
 * the caller's own serialisation (inodes and the disk are fully locked). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/block.h"
#include "fs/ext2.h"

#define FS_NAME_MAX 255 /* longest path component */

struct inode;
struct file;

/* fs_init: mount the ext2 file system on DEV (the type-0x83 partition). */
int fs_init(struct block_device *dev);
/* fs_mounted: true between a successful fs_init and fs_shutdown. Nothing
 * else here may be called while it is false. */
bool fs_mounted(void);
/* fs_sync: write everything to the disk (the fs stays mounted). */
int fs_sync(void);
/* fs_shutdown: unmount cleanly; every file should be closed before. */
int fs_shutdown(void);
/* fs_get_stats: free counts and buffer-cache statistics. */
void fs_get_stats(struct ext2_fs_stats *out);

/* Inodes: one struct per open on-disk inode, shared by all its users. */
/* inode_open: a reference to inode INO. */
int inode_open(uint32_t ino, struct inode **out);
/* inode_reopen: another reference to INODE (returns INODE). */
struct inode *inode_reopen(struct inode *inode);
/* inode_close: drop a reference; the last one of a removed inode frees it
 * and its blocks on disk. NULL is ignored. */
void inode_close(struct inode *inode);
uint32_t inode_get_inumber(const struct inode *inode);
bool inode_is_dir(const struct inode *inode);
/* fs_lookup: the inode PATH names, relative to CWD unless absolute (a NULL
 * CWD means the root). For chdir: keep the reference as the new cwd. */
int fs_lookup(const char *path, struct inode *cwd, struct inode **out);

/* Whole files by name (relative to CWD unless absolute; NULL = root). */
/* fs_create: a new regular file of INITIAL_SIZE zero bytes (a hole). */
int fs_create(const char *path, struct inode *cwd, uint64_t initial_size);
/* fs_remove: unlink a file, or remove an empty directory. Open files stay
 * usable until closed; the space is freed at the last close. */
int fs_remove(const char *path, struct inode *cwd);
/* fs_mkdir: a new empty directory. */
int fs_mkdir(const char *path, struct inode *cwd);

/* Open files. */
int file_open(const char *path, struct inode *cwd, struct file **out);
/* file_open_inode: a file at offset 0 on INODE, taking over the caller's
 * reference (released on failure too). */
int file_open_inode(struct inode *inode, struct file **out);
/* file_reopen: an independent file on the same inode, offset 0. */
int file_reopen(struct file *file, struct file **out);
/* file_dup: a copy of FILE with the same offset and deny-write state. */
int file_dup(struct file *file, struct file **out);
/* file_close: close FILE (allows writes again if it denied them). */
void file_close(struct file *file);
/* file_read/file_write: at the file's offset, which they advance. Return
 * bytes transferred; a write to a file being executed returns 0; a write
 * that fills the disk returns the bytes written before. */
long file_read(struct file *file, void *buf, size_t size);
long file_write(struct file *file, const void *buf, size_t size);
/* file_read_at/file_write_at: at OFFSET; the file's offset is unchanged. */
/* file_read_uncached: file_read_at that leaves no page in the page cache
 * (it copies a cached one, or reads the disk): for data kept elsewhere
 * anyway (an executable's text pages, read once into their own frames);
 * never needs a frame. */
long file_read_uncached(struct file *file, void *buf, size_t size, uint64_t offset);
long file_read_at(struct file *file, void *buf, size_t size, uint64_t offset);
long file_write_at(struct file *file, const void *buf, size_t size, uint64_t offset);
void file_seek(struct file *file, uint64_t pos);
uint64_t file_tell(struct file *file);
uint64_t file_length(struct file *file);
/* file_deny_write: no writes to the inode until file_allow_write (or
 * file_close) on this file; counted per inode across files. */
void file_deny_write(struct file *file);
void file_allow_write(struct file *file);
bool file_is_dir(struct file *file);
uint32_t file_inumber(struct file *file);
/* file_get_inode: FILE's inode (no new reference). */
struct inode *file_get_inode(struct file *file);
/* fs_readdir: the next entry of directory DIR other than "." and "..":
 * its name into NAME (FS_NAME_MAX + 1 bytes). 1 if found, 0 at the end. */
int fs_readdir(struct file *dir, char *name);

/* For the page cache (mm/page_cache.h): write PAGE, pinned by the caller,
 * to its file (only the bytes below the file's size; holes among them get
 * blocks). Nothing if its file was freed meanwhile or the file system is
 * unmounted. No lock held (fs_lock is taken). 0, or an error, which is
 * also printed (the bytes are lost: there is no one to tell). */
struct frame;
int fs_write_back_page(struct frame *page);

/* fs_read_ahead: the read-ahead thread's work (mm/page_cache.c): read the
 * window of inode INO's pages from the first one at or after page INDEX
 * that is not cached, into the page cache, if INO is open; the first
 * page of a whole window is marked to ask for the next one at its first
 * hit. Only frames that cost nothing are used (page_cache_try_new).
 * Returns how many pages it read (tried
 * to: a failed read leaves them for their readers to read again). No
 * lock held; sleeps. */
size_t fs_read_ahead(uint32_t ino, uint64_t index);

/* For the VM: whole pages at page-aligned offsets. */
/* file_get_page: the page-cache page (mm/page_cache.h) of the file's page
 * at OFFSET, pinned and up to date (page_cache_put lets it go): read from
 * the disk on a miss, with the pages after it. No fs_lock held; may evict.
 * ERR_NOT_FOUND when the page is not wholly inside the file, ERR_IS_DIR,
 * ERR_NO_MEMORY, ERR_IO. */
int file_get_page(struct file *file, uint64_t offset, struct frame **out);
/* file_find_page_locked: file_get_page when it would be a hit on a page
 * nobody uses (page_cache_find_locked: not pinned; the caller maps it
 * before it drops frame_lock), else NULL (also, rarely, just after the
 * file grew over the page: the caller then takes file_get_page). No
 * fs_lock needed: frame_lock held; never waits nor reads the disk. */
struct frame *file_find_page_locked(struct file *file, uint64_t offset);
/* file_read_page: fill the PAGE_SIZE bytes at KVA from OFFSET; bytes past
 * the end of the file read as zero. Returns the bytes that came from the
 * file (0..PAGE_SIZE). Never needs a frame (a fault reads with it). */
long file_read_page(struct file *file, uint64_t offset, void *kva);
/* file_write_pages: file_write_page of LEN bytes (any number of pages)
 * from SRC at OFFSET (page aligned): contiguous blocks as one request. */
long file_write_pages(struct file *file, uint64_t offset, const void *src, size_t len);
/* file_write_page: write LEN (<= PAGE_SIZE) bytes from KVA at OFFSET
 * (below the file's size) straight to the disk, and into the cached page
 * if there is one; never needs a frame (eviction writes mapped pages back
 * with it). Returns the bytes written, like file_write_at. */
long file_write_page(struct file *file, uint64_t offset, const void *kva, size_t len);
