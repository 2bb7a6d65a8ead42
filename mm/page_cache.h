/* The page cache: the data of regular files in 4 KiB frames of the frame
 * table (mm/frame.h), found by (inode number, page index). read() and
 * write() copy from and to these frames (fs/file.c); file metadata and
 * directories stay in the buffer cache (fs/bcache.h), as in Linux.
 *
 * A cached page is a frame on the clock ring like any other user frame
 * (it counts against the -ul= cap): the clock evicts it when it is
 * neither pinned nor recently used, writing it back to its file first
 * if it is dirty (fs_write_back_page, fs/file.h). Its state, guarded by
 * frame_lock: up to date (its bytes are the file's) or not yet filled;
 * dirty (newer than the disk); dead (its file was freed while someone
 * held it: never written, freed when let go).
 *
 * A page is used by one thread at a time: page_cache_get returns it
 * **pinned** (the clock skips it, other getters wait), and
 * page_cache_put lets it go. The holder fills it, copies, marks it dirty.
 *
 * Lock order (the file system's side of it is in fs/file.c): a page's pin
 * -> fs_lock -> frame_lock. A page is got (which may evict and so write
 * another page back through the file system) with no fs_lock held and,
 * except for read-ahead (page_cache_try_new, which never waits), no other
 * page pinned. frame_lock is never held across a file-system call. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct frame;

/* Most pages one miss reads ahead of need (the missed page included), and
 * the read-ahead window: 256 KiB, on a 1 KiB-block file system what one
 * indirect block maps, and one virtio request. */
#define PAGE_CACHE_READAHEAD_MAX 64

/* page_cache_get: page INDEX of inode INO, pinned: the cached one, or a
 * new one not up to date (the caller fills it). May sleep and evict; no
 * fs_lock and no other page held. NULL with *ERR = ERR_NO_MEMORY (no
 * frame could be had) or ERR_IO. */
struct frame *page_cache_get(uint32_t ino, uint64_t index, int *err);
/* page_cache_find_locked: page INDEX of INO if it is cached, up to date
 * and not in use (a hit, counted), else NULL: not pinned, so the caller
 * maps it (mm/vm.c) before it drops frame_lock, after which the page's
 * mapping is what keeps it (the clock unmaps it first). frame_lock held;
 * never waits. */
struct frame *page_cache_find_locked(uint32_t ino, uint64_t index);
/* page_cache_try_new: for read-ahead: new pages FROM, FROM + 1, ... of
 * INO (at most MAX), pinned and not up to date, into PAGES, in one hold
 * of frame_lock: up to the first one cached already, or the first no
 * frame can be had for without waiting. Their count. May reclaim clean
 * page-cache frames (vm_try_get_frame); no lock held. */
size_t page_cache_try_new(uint32_t ino, uint64_t from, size_t max, struct frame **pages);
/* page_cache_contains: whether page INDEX of INO is cached now (a hint:
 * it may go at once). */
bool page_cache_contains(uint32_t ino, uint64_t index);
/* page_cache_first_missing: the first page index in [FROM, TO) of INO
 * that is not cached now, or TO (a hint, as page_cache_contains). */
uint64_t page_cache_first_missing(uint32_t ino, uint64_t from, uint64_t to);
/* page_cache_readahead_max: how many pages a miss may read at once now
 * (PAGE_CACHE_READAHEAD_MAX, less under a small -ul= cap). */
size_t page_cache_readahead_max(void);
/* Asynchronous read-ahead (see page_cache.c), for fs/file.c: */
/* page_cache_async_request: a sequential reader's miss read the window
 * (page_cache_readahead_max pages) of INO from page INDEX: ask the
 * read-ahead thread for the windows after it, each from the first page
 * not cached on (hints: dropped when too many wait). No lock held; never
 * waits. */
void page_cache_async_request(uint32_t ino, uint64_t index);
/* page_cache_async_enable: requests are taken (ON: a file system is
 * mounted; the read-ahead thread, which serves them with fs_read_ahead,
 * is started the first time) or refused (not ON: unmounting; the waiting
 * ones are dropped and the one being served finishes first). No lock
 * held. */
void page_cache_async_enable(bool on);
/* page_cache_async_drain: drop the waiting requests and wait until the
 * read-ahead thread holds no page (the leak audit, unmount). No lock
 * held. */
void page_cache_async_drain(void);
/* page_cache_mark_async: PAGE (pinned by the read-ahead thread, the first
 * of the window it read) asks for the next window at its first hit. */
void page_cache_mark_async(struct frame *page);
/* page_cache_put: let PAGE go (a dead page no page maps is freed). */
void page_cache_put(struct frame *page);
/* page_cache_put_pages: page_cache_put of PAGES[0..N), in one hold of
 * frame_lock. */
void page_cache_put_pages(struct frame **pages, size_t n);
/* page_cache_put_locked: page_cache_put with frame_lock held. */
void page_cache_put_locked(struct frame *page);
/* page_cache_kva: the bytes of PAGE (PAGE_SIZE). */
void *page_cache_kva(struct frame *page);
/* page_cache_uptodate: whether PAGE (pinned by the caller) holds its
 * file's bytes. */
bool page_cache_uptodate(struct frame *page);
/* page_cache_set_uptodate: PAGES[0..N) (pinned by the caller) hold their
 * file's bytes now; one hold of frame_lock. */
void page_cache_set_uptodate(struct frame **pages, size_t n);
/* page_cache_mark_dirty: PAGE (pinned by the caller) is newer than the
 * disk. */
void page_cache_mark_dirty(struct frame *page);
/* page_cache_key: the inode number and page index of PAGE. */
void page_cache_key(struct frame *page, uint32_t *ino, uint64_t *index);
/* page_cache_dead: whether PAGE's file was freed (its bytes must not be
 * written). fs_lock held (the flag is set under it). */
bool page_cache_dead(struct frame *page);
/* page_cache_update: LEN bytes of SRC were written to the file at byte
 * OFF of page INDEX of INO without the page cache (write-through): the
 * cached page, if up to date, gets them too. fs_lock held (so that no
 * fill or write-back of the page runs meanwhile); never waits. */
void page_cache_update(uint32_t ino, uint64_t index, size_t off, const void *src, size_t len);
/* page_cache_read_cached: copy LEN bytes from byte OFF of page INDEX of
 * INO into DST if the page is cached and up to date; whether it was.
 * fs_lock held (so that no write-back or fill of it runs meanwhile);
 * never waits. */
bool page_cache_read_cached(uint32_t ino, uint64_t index, size_t off, void *dst, size_t len);
/* page_cache_write_back: PAGE (pinned by the caller, no lock held) goes to
 * its file if dirty, and is clean after. Bytes the file system refuses
 * are dropped with a message (like a short write()): a page that could
 * never be freed would pin its frame for good. */
void page_cache_write_back(struct frame *page);
/* page_cache_drop_inode: inode INO is being freed: its pages leave the
 * cache without write-back (a pinned one is marked dead, freed by its
 * holder). fs_lock held; never waits. */
void page_cache_drop_inode(uint32_t ino);
/* page_cache_sync: write every dirty page back to its file. No lock
 * held; may sleep. */
void page_cache_sync(void);
/* page_cache_drop_all: write every dirty page back, then free every page
 * not in use (the file system is being unmounted, or the leak audit wants
 * the frames back). No lock held. */
void page_cache_drop_all(void);
/* page_cache_count: the pages cached now. */
size_t page_cache_count(void);

/* For the frame table (mm/frame.c), frame_lock held: */
/* page_cache_mark_dirty_locked: FRAME, a page-cache page, is dirty. */
void page_cache_mark_dirty_locked(struct frame *frame);
/* page_cache_forget_locked: FRAME (evicted or freed) is no page-cache
 * page any more: out of the cache, off the dirty list. Nothing if it is
 * not one. */
void page_cache_forget_locked(struct frame *frame);
