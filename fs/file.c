/* Open inodes, open files and path names on top of ext2 (see file.h).
 *
 * An on-disk inode that is open has exactly one struct inode, found on the
 * open-inode list and shared by reference count; its in-memory copy of the
 * disk inode is the authoritative one (every change is stored through
 * ext2). Removing a name drops the link count; an inode whose link count
 * reaches zero stays readable by those who have it open, and is freed with
 * its blocks by the last inode_close.
 *
 * The data of regular files goes through the page cache (mm/page_cache.h):
 * read() and write() copy from and to cached pages, which ext2 fills and
 * writes back a whole page at a time, straight between disk and page
 * (ext2_page_read/ext2_page_write); a write allocates its blocks at once
 * (so that a full disk shows as a short write) and leaves the page dirty,
 * for the eviction, fs_sync or unmount that writes it. Directories and all
 * metadata go through the buffer cache.
 *
 * Lock order (one comment for the whole file system):
 *   a page-cache page's pin -> fs_lock (below) -> frame_lock (mm/frame.h)
 *   -> bcache lock (fs/bcache.c) -> block driver.
 * fs_lock guards the open-inode list, every struct inode and struct file
 * field (but struct inode's size, also read without it: [A] below), and
 * all of ext2 (bitmaps, counts, directory and inode contents). Every
 * public function here takes it; *_locked helpers expect it held. Page
 * data moves between disk and page without it (read_pages: the blocks
 * are found under it, the pinned pages read after).
 * A page is got (page_cache_get: it may evict another page and write that
 * one back, taking fs_lock) only with fs_lock NOT held, and with no other
 * page pinned except for read-ahead, whose gets never wait. */
#include "fs/file.h"

#include "fs/ext2.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/list.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "mm/page_cache.h"

struct inode {
    struct list_node elem; /* on open_inodes */
    uint32_t ino;
    int open_cnt;           /* references */
    int deny_write_cnt;     /* files that called file_deny_write */
    struct ext2_inode disk; /* authoritative copy while open */
    /* [A] the size of disk in bytes, stored (under fs_lock) after it
     * changes, read atomically without a lock by the fault path
     * (file_find_page_locked): never above disk's, since a file open
     * only grows. */
    uint64_t size;
    /* direct writes begun (file_write_pages, before its disk request): a
     * read of pages that sees it change while its data moved may have
     * read the disk before such a write reached it (read_pages). */
    uint64_t direct_writes;
};

struct file {
    struct inode *inode;
    uint64_t pos;
    bool deny_write; /* this file counts in inode->deny_write_cnt */
};

#define DIR_MIN_LINKS 2 /* a live directory's name and its "." */

static struct lock fs_lock;
static struct ext2_fs *fs;      /* the mounted file system */
static struct list open_inodes; /* struct inode.elem */
static struct inode *root;      /* kept open while mounted */

/* fs_init: see file.h. */
int fs_init(struct block_device *dev)
{
    lock_init(&fs_lock);
    list_init(&open_inodes);
    int err = ext2_mount(dev, &fs);
    if (err < 0)
        return err;
    if ((err = inode_open(EXT2_ROOT_INO, &root)) < 0) {
        ext2_unmount(fs);
        fs = NULL;
        return err;
    }
    if (!inode_is_dir(root)) {
        printf("fs: root inode is not a directory\n");
        fs_shutdown();
        return ERR_BAD_FORMAT;
    }
    page_cache_async_enable(true);
    return 0;
}

/* fs_mounted: see file.h. Mount and unmount happen at boot, power-off and
 * in tests, never concurrently with other file operations. */
bool fs_mounted(void)
{
    return fs != NULL;
}

/* fs_sync: see file.h. */
int fs_sync(void)
{
    page_cache_sync();
    lock_acquire(&fs_lock);
    int err = ext2_sync(fs);
    lock_release(&fs_lock);
    return err;
}

/* fs_get_stats: see file.h. */
void fs_get_stats(struct ext2_fs_stats *out)
{
    lock_acquire(&fs_lock);
    ext2_get_stats(fs, out);
    lock_release(&fs_lock);
}

/* inode_close_locked: drop a reference; see inode_close. */
static void inode_close_locked(struct inode *inode)
{
    if (!inode)
        return;
    ASSERT(inode->open_cnt > 0);
    if (--inode->open_cnt > 0)
        return;
    list_remove(&inode->elem);
    if (inode->disk.i_links_count == 0) {
        if (!inode_is_dir(inode))
            page_cache_drop_inode(inode->ino); /* before its blocks are freed */
        int err = ext2_inode_delete(fs, inode->ino, &inode->disk);
        if (err < 0)
            printf("fs: freeing inode %u failed (%s)\n", inode->ino, err_name(err));
    }
    kfree(inode);
}

/* fs_shutdown: see file.h. Inodes still open are dropped (removed ones
 * freed) so that the disk is consistent; their files must not be used. */
int fs_shutdown(void)
{
    page_cache_async_enable(false); /* no read-ahead runs from here on */
    page_cache_drop_all();
    lock_acquire(&fs_lock);
    if (root) {
        inode_close_locked(root);
        root = NULL;
    }
    if (!list_empty(&open_inodes) && kernel_cmdline.verbose) /* normal after halt */
        printf("fs_shutdown: %zu inodes still open\n", list_size(&open_inodes));
    while (!list_empty(&open_inodes)) {
        struct inode *inode = list_entry(list_front(&open_inodes), struct inode, elem);
        inode->open_cnt = 1;
        inode_close_locked(inode);
    }
    int err = ext2_unmount(fs);
    fs = NULL;
    lock_release(&fs_lock);
    return err;
}

/* publish_size_locked: INODE's size field ([A]) is its disk copy's now.
 * fs_lock held. */
static void publish_size_locked(struct inode *inode)
{
    __atomic_store_n(&inode->size, ext2_inode_size(&inode->disk), __ATOMIC_RELEASE);
}

/* grow_locked: INODE (a regular file) holds bytes up to END now: its
 * size grows to END if it is less (ext2_file_grow, times updated), and
 * is published. A failure to store the inode is printed. fs_lock held. */
static void grow_locked(struct inode *inode, uint64_t end)
{
    int err = ext2_file_grow(fs, inode->ino, &inode->disk, end);
    if (err < 0)
        printf("fs: storing inode %u failed (%s)\n", inode->ino, err_name(err));
    publish_size_locked(inode);
}

/* inode_open_locked: see inode_open. */
static int inode_open_locked(uint32_t ino, struct inode **out)
{
    list_for_each(node, &open_inodes)
    {
        struct inode *inode = list_entry(node, struct inode, elem);
        if (inode->ino == ino) {
            inode->open_cnt++;
            *out = inode;
            return 0;
        }
    }
    struct inode *inode = kzalloc(sizeof(*inode));
    if (!inode)
        return ERR_NO_MEMORY;
    int err = ext2_inode_load(fs, ino, &inode->disk);
    if (err == 0)
        err = ext2_inode_check(fs, ino, &inode->disk);
    if (err < 0) {
        kfree(inode);
        return err;
    }
    inode->ino = ino;
    inode->open_cnt = 1;
    publish_size_locked(inode);
    list_push_front(&open_inodes, &inode->elem);
    *out = inode;
    return 0;
}

/* inode_open: see file.h. */
int inode_open(uint32_t ino, struct inode **out)
{
    lock_acquire(&fs_lock);
    int err = inode_open_locked(ino, out);
    lock_release(&fs_lock);
    return err;
}

/* inode_reopen: see file.h. */
struct inode *inode_reopen(struct inode *inode)
{
    lock_acquire(&fs_lock);
    inode->open_cnt++;
    lock_release(&fs_lock);
    return inode;
}

/* inode_close: see file.h. */
void inode_close(struct inode *inode)
{
    lock_acquire(&fs_lock);
    inode_close_locked(inode);
    lock_release(&fs_lock);
}

uint32_t inode_get_inumber(const struct inode *inode)
{
    return inode->ino;
}

bool inode_is_dir(const struct inode *inode)
{
    return ext2_inode_is_dir(&inode->disk);
}

/* ---- paths ---- */

/* next_name: copy the next component of *PATH (skipping slashes) into
 * NAME and advance *PATH past it. Returns its length, 0 at the end, or
 * ERR_NAME_TOO_LONG. */
static int next_name(const char **path, char *name)
{
    const char *p = *path;
    while (*p == '/')
        p++;
    size_t len = 0;
    while (p[len] != '\0' && p[len] != '/')
        len++;
    if (len > FS_NAME_MAX)
        return ERR_NAME_TOO_LONG;
    memcpy(name, p, len);
    name[len] = '\0';
    *path = p + len;
    return (int)len;
}

/* at_end: true if only slashes remain in PATH. */
static bool at_end(const char *path)
{
    while (*path == '/')
        path++;
    return *path == '\0';
}

/* step_locked: replace the reference *DIR by one to its entry NAME. */
static int step_locked(struct inode **dir, const char *name)
{
    struct inode *d = *dir;
    if (!inode_is_dir(d))
        return ERR_NOT_DIR;
    if (d->disk.i_links_count == 0)
        return ERR_NOT_FOUND; /* removed directory: nothing can be in it */
    uint32_t ino;
    int err = ext2_dir_lookup(fs, &d->disk, name, strlen(name), &ino);
    struct inode *next;
    if (err == 0 && (err = inode_open_locked(ino, &next)) == 0) {
        inode_close_locked(d);
        *dir = next;
    }
    return err;
}

/* walk_locked: resolve PATH from CWD (root if absolute or CWD is NULL).
 * With LAST non-NULL, stop before the final component: *OUT is its
 * directory and LAST its name (ERR_INVALID if PATH has none, like "/").
 * The caller owns the reference in *OUT. */
static int walk_locked(const char *path, struct inode *cwd, struct inode **out, char *last)
{
    char name[FS_NAME_MAX + 1];
    if (!path || path[0] == '\0')
        return ERR_NOT_FOUND;
    struct inode *cur = (path[0] == '/' || !cwd) ? root : cwd;
    cur->open_cnt++;
    for (;;) {
        int len = next_name(&path, name);
        if (len <= 0) {
            if (len == 0 && !last)
                break;
            inode_close_locked(cur);
            return len < 0 ? len : ERR_INVALID;
        }
        if (last && at_end(path)) {
            memcpy(last, name, (size_t)len + 1);
            break;
        }
        int err = step_locked(&cur, name);
        if (err < 0) {
            inode_close_locked(cur);
            return err;
        }
    }
    *out = cur;
    return 0;
}

/* fs_lookup: see file.h. */
int fs_lookup(const char *path, struct inode *cwd, struct inode **out)
{
    lock_acquire(&fs_lock);
    int err = walk_locked(path, cwd, out, NULL);
    lock_release(&fs_lock);
    return err;
}

/* parent_locked: the directory and final NAME of PATH, checked to be a
 * live directory where NAME is not "." or "..". */
static int parent_locked(const char *path, struct inode *cwd, struct inode **dir, char *name)
{
    int err = walk_locked(path, cwd, dir, name);
    if (err < 0)
        return err;
    if (!inode_is_dir(*dir))
        err = ERR_NOT_DIR;
    else if ((*dir)->disk.i_links_count == 0)
        err = ERR_NOT_FOUND;
    else if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        err = ERR_INVALID;
    if (err < 0)
        inode_close_locked(*dir);
    return err;
}

/* ---- creating and removing ---- */

/* discard_new_locked: undo a half-made inode INO (not yet in a directory). */
static void discard_new_locked(uint32_t ino, struct ext2_inode *di)
{
    di->i_links_count = 0;
    int err = ext2_inode_delete(fs, ino, di);
    if (err < 0)
        printf("fs: discarding new inode %u failed (%s)\n", ino, err_name(err));
}

/* create_file_locked: a regular file NAME of SIZE bytes in DIR. */
static int create_file_locked(struct inode *dir, const char *name, uint64_t size)
{
    uint32_t ino;
    struct ext2_inode di;
    int err = ext2_inode_create(fs, dir->ino, EXT2_MODE_FILE_DEFAULT, &ino, &di);
    if (err < 0)
        return err;
    di.i_links_count = 1;
    if ((err = ext2_inode_store(fs, ino, &di)) < 0 ||
        (err = ext2_inode_extend(fs, ino, &di, size)) < 0 ||
        (err = ext2_dir_add(fs, dir->ino, &dir->disk, name, strlen(name), ino, EXT2_FT_REG_FILE)) <
            0)
        discard_new_locked(ino, &di);
    return err;
}

/* create_dir_locked: an empty directory NAME in DIR. */
static int create_dir_locked(struct inode *dir, const char *name)
{
    uint32_t ino;
    struct ext2_inode di;
    if (dir->disk.i_links_count >= EXT2_LINK_MAX)
        return ERR_TOO_MANY; /* the new ".." would overflow the count */
    int err = ext2_inode_create(fs, dir->ino, EXT2_MODE_DIR_DEFAULT, &ino, &di);
    if (err < 0)
        return err;
    if ((err = ext2_dir_init(fs, ino, &di, dir->ino)) < 0 ||
        (err = ext2_dir_add(fs, dir->ino, &dir->disk, name, strlen(name), ino, EXT2_FT_DIR)) < 0) {
        discard_new_locked(ino, &di);
        return err;
    }
    dir->disk.i_links_count++; /* the new ".." */
    return ext2_inode_store(fs, dir->ino, &dir->disk);
}

/* create_common: fs_create (DIR false) and fs_mkdir. */
static int create_common(const char *path, struct inode *cwd, bool is_dir, uint64_t size)
{
    char name[FS_NAME_MAX + 1];
    struct inode *dir;
    lock_acquire(&fs_lock);
    int err = parent_locked(path, cwd, &dir, name);
    if (err < 0)
        goto out;
    uint32_t ino;
    err = ext2_dir_lookup(fs, &dir->disk, name, strlen(name), &ino);
    if (err == 0)
        err = ERR_EXISTS;
    else if (err == ERR_NOT_FOUND)
        err = is_dir ? create_dir_locked(dir, name) : create_file_locked(dir, name, size);
    inode_close_locked(dir);
out:
    lock_release(&fs_lock);
    return err;
}

/* fs_create: see file.h. */
int fs_create(const char *path, struct inode *cwd, uint64_t initial_size)
{
    return create_common(path, cwd, false, initial_size);
}

/* fs_mkdir: see file.h. */
int fs_mkdir(const char *path, struct inode *cwd)
{
    return create_common(path, cwd, true, 0);
}

/* unlink_locked: remove entry NAME (inode VICTIM) from DIR and drop the
 * links it held. VICTIM's space goes when its last reference closes. A
 * corrupted count never drops a live directory below its own two links
 * (its name and "."), which would free it while it is still named. */
static int unlink_locked(struct inode *dir, const char *name, struct inode *victim)
{
    if (inode_is_dir(victim)) {
        if (victim == root)
            return ERR_BUSY;
        int empty = ext2_dir_is_empty(fs, &victim->disk);
        if (empty <= 0)
            return empty < 0 ? empty : ERR_NOT_EMPTY;
    }
    int err = ext2_dir_remove(fs, dir->ino, &dir->disk, name, strlen(name));
    if (err < 0)
        return err;
    if (inode_is_dir(victim)) {
        victim->disk.i_links_count = 0; /* its name and its "." */
        if (dir->disk.i_links_count > DIR_MIN_LINKS)
            dir->disk.i_links_count--; /* its ".." */
        err = ext2_inode_store(fs, dir->ino, &dir->disk);
    } else {
        victim->disk.i_links_count--;
    }
    int err2 = ext2_inode_store(fs, victim->ino, &victim->disk);
    return err < 0 ? err : err2;
}

/* fs_remove: see file.h. */
int fs_remove(const char *path, struct inode *cwd)
{
    char name[FS_NAME_MAX + 1];
    struct inode *dir, *victim;
    uint32_t ino;
    lock_acquire(&fs_lock);
    int err = parent_locked(path, cwd, &dir, name);
    if (err < 0)
        goto out;
    err = ext2_dir_lookup(fs, &dir->disk, name, strlen(name), &ino);
    if (err == 0 && (err = inode_open_locked(ino, &victim)) == 0) {
        err = unlink_locked(dir, name, victim);
        inode_close_locked(victim);
    }
    inode_close_locked(dir);
out:
    lock_release(&fs_lock);
    return err;
}

/* ---- open files ---- */

/* file_open_inode: see file.h. */
int file_open_inode(struct inode *inode, struct file **out)
{
    struct file *f = kzalloc(sizeof(*f));
    if (!f) {
        inode_close(inode);
        return ERR_NO_MEMORY;
    }
    f->inode = inode;
    *out = f;
    return 0;
}

/* file_open: see file.h. */
int file_open(const char *path, struct inode *cwd, struct file **out)
{
    struct inode *inode;
    int err = fs_lookup(path, cwd, &inode);
    if (err < 0)
        return err;
    return file_open_inode(inode, out);
}

/* file_reopen: see file.h. */
int file_reopen(struct file *file, struct file **out)
{
    return file_open_inode(inode_reopen(file->inode), out);
}

/* file_dup: see file.h. */
int file_dup(struct file *file, struct file **out)
{
    int err = file_reopen(file, out);
    if (err < 0)
        return err;
    (*out)->pos = file->pos;
    if (file->deny_write)
        file_deny_write(*out);
    return 0;
}

/* file_close: see file.h. */
void file_close(struct file *file)
{
    if (!file)
        return;
    file_allow_write(file);
    inode_close(file->inode);
    kfree(file);
}

/* ---- regular-file data: the page cache ---- */

/* inode_size: INODE's size in bytes now. */
static uint64_t inode_size(struct inode *inode)
{
    lock_acquire(&fs_lock);
    uint64_t size = ext2_inode_size(&inode->disk);
    lock_release(&fs_lock);
    return size;
}

/* new_pages: new pages (pinned, not filled) for pages FROM, FROM + 1, ...
 * of INODE (of SIZE bytes) into PAGES: at most MAX, up to the first one
 * cached already, the file's end, or the first one no free frame is left
 * for (page_cache_try_new). Their count. */
static size_t new_pages(struct inode *inode, uint64_t from, uint64_t size, size_t max,
                        struct frame **pages)
{
    uint64_t end = (size + PAGE_SIZE - 1) / PAGE_SIZE;
    if (from >= end)
        return 0;
    return page_cache_try_new(inode->ino, from, end - from < max ? end - from : max, pages);
}

/* read_ahead: after a miss on page INDEX of INODE (of SIZE bytes), new
 * pages for the file's next pages into PAGES (new_pages), as many as
 * page_cache_readahead_max allows less one (the missed page). Their
 * count. Only a sequential reader gets them: a miss on the first page,
 * or on a page whose predecessor is cached (random misses read one page
 * each). */
static size_t read_ahead(struct inode *inode, uint64_t index, uint64_t size, struct frame **pages)
{
    if (index > 0 && !page_cache_contains(inode->ino, index - 1))
        return 0;
    return new_pages(inode, index + 1, size, page_cache_readahead_max() - 1, pages);
}

/* read_pages: read PAGES[0..N), pages FIRST on of INODE, into their
 * frames at KVAS: their blocks mapped under fs_lock, the data read
 * without it (ext2_span_map, ext2_span_read), so that a reader of cached
 * pages of the file, or of another file, does not wait for this disk
 * request. They are up to date after, unless a direct write of the file
 * began meanwhile (it may have reached the disk after this read, or
 * filled a hole read as zeros): the check and the marking are under
 * fs_lock, as the direct write and its page_cache_update are. INODE held
 * open by the caller, the pages its own. No fs_lock held. 0,
 * ERR_NO_MEMORY, ERR_IO, ERR_BAD_FORMAT. */
static int read_pages(struct inode *inode, uint64_t first, struct frame **pages, uint32_t n,
                      void *const *kvas)
{
    struct ext2_span span;
    lock_acquire(&fs_lock);
    uint64_t writes = inode->direct_writes;
    int err = ext2_span_map(fs, &inode->disk, first, n, &span);
    lock_release(&fs_lock);
    if (err < 0)
        return err;
    err = ext2_span_read(&span, kvas);
    ext2_span_release(&span);
    if (err < 0)
        return err;
    lock_acquire(&fs_lock);
    if (inode->direct_writes == writes)
        page_cache_set_uptodate(pages, n);
    lock_release(&fs_lock);
    return 0;
}

/* struct window: the pages of one read from the disk (a miss and the
 * pages read ahead after it, or an asynchronous window) and their bytes,
 * on the heap: two arrays of PAGE_CACHE_READAHEAD_MAX pointers are too
 * large for a kernel stack frame. */
struct window {
    struct frame *pages[PAGE_CACHE_READAHEAD_MAX];
    void *kvas[PAGE_CACHE_READAHEAD_MAX];
};

/* fill: read W's first N pages of INODE from the disk (read_pages); each
 * one read is up to date, unless a direct write overtook the read (then
 * none is: whoever needs them reads them again). The error of the first
 * page, if it failed (the others, read ahead, stay as they are). INODE
 * held open by the caller. No fs_lock held. */
static int fill(struct inode *inode, struct window *w, size_t n)
{
    uint32_t ino;
    uint64_t first;
    page_cache_key(w->pages[0], &ino, &first);
    for (size_t i = 0; i < n; i++)
        w->kvas[i] = page_cache_kva(w->pages[i]); /* pages FIRST, FIRST + 1, ... */
    int err = read_pages(inode, first, w->pages, (uint32_t)n, w->kvas);
    if (err < 0 && n > 1)
        err = read_pages(inode, first, w->pages, 1, w->kvas); /* the missed page alone */
    return err;
}

/* read_miss: fill PAGE, page INDEX of INODE (a regular file of SIZE
 * bytes; pinned by the caller, not up to date), from the disk, with the
 * pages after it when the reader is sequential (read_ahead), and ask for
 * the windows after those. Without memory for a window, PAGE alone. No
 * fs_lock held. 0, ERR_NO_MEMORY, ERR_IO, ERR_BAD_FORMAT. */
static int read_miss(struct inode *inode, uint64_t index, uint64_t size, struct frame *page)
{
    struct window *w = kmalloc(sizeof *w);
    if (!w) {
        void *kva = page_cache_kva(page);
        int err = 0;
        while (err == 0 && !page_cache_uptodate(page))
            err = read_pages(inode, index, &page, 1, &kva);
        return err;
    }
    w->pages[0] = page;
    size_t n = 1 + read_ahead(inode, index, size, w->pages + 1);
    int err = fill(inode, w, n);
    while (err == 0 && !page_cache_uptodate(page))
        err = fill(inode, w, 1); /* a direct write overtook the read: again */
    if (err == 0 && n == page_cache_readahead_max() && n > 1)
        page_cache_async_request(inode->ino, index); /* a sequential reader: the next windows */
    page_cache_put_pages(w->pages + 1, n - 1);
    kfree(w);
    return err;
}

/* get_page: page INDEX of INODE (a regular file of SIZE bytes), pinned
 * and up to date: from the cache, or read from the disk (read_miss). No
 * fs_lock held. ERR_NO_MEMORY, ERR_IO, ERR_BAD_FORMAT. */
static int get_page(struct inode *inode, uint64_t index, uint64_t size, struct frame **out)
{
    int err;
    struct frame *page = page_cache_get(inode->ino, index, &err);
    if (!page)
        return err;
    if (!page_cache_uptodate(page) && (err = read_miss(inode, index, size, page)) < 0) {
        page_cache_put(page);
        return err;
    }
    *out = page;
    return 0;
}

/* file_find_open: inode INO if it is open now and a regular file, with
 * one more reference (inode_close drops it), else NULL (not open, no file
 * system, or a directory: INO was freed and reused meanwhile). */
static struct inode *file_find_open(uint32_t ino)
{
    struct inode *found = NULL;
    lock_acquire(&fs_lock);
    list_for_each(node, &open_inodes)
    {
        struct inode *inode = list_entry(node, struct inode, elem);
        if (inode->ino == ino && !inode_is_dir(inode)) {
            inode->open_cnt++;
            found = inode;
            break;
        }
    }
    lock_release(&fs_lock);
    return found;
}

/* async_window: new pages (new_pages) for a read-ahead window of INODE
 * (of SIZE bytes) into PAGES: from the first page at or after INDEX that
 * is not cached (at most a window's length after it), as many as
 * page_cache_readahead_max allows. Their count. */
static size_t async_window(struct inode *inode, uint64_t index, uint64_t size, struct frame **pages)
{
    size_t max = page_cache_readahead_max();
    uint64_t end = (size + PAGE_SIZE - 1) / PAGE_SIZE, last = index + max;
    index = page_cache_first_missing(inode->ino, index, last < end ? last : end);
    return index < last ? new_pages(inode, index, size, max, pages) : 0;
}

/* fs_read_ahead: see file.h. */
size_t fs_read_ahead(uint32_t ino, uint64_t index)
{
    struct inode *inode = file_find_open(ino);
    if (!inode)
        return 0;
    struct window *w = kmalloc(sizeof *w);
    size_t n = w ? async_window(inode, index, inode_size(inode), w->pages) : 0;
    if (n > 0) {
        int err = fill(inode, w, n);
        if (err == 0 && n == page_cache_readahead_max())
            page_cache_mark_async(w->pages[0]); /* its first hit asks for the next window */
        page_cache_put_pages(w->pages, n);
    }
    kfree(w);
    inode_close(inode);
    return n;
}

/* whole_page: whether the page at OFFSET (a multiple of PAGE_SIZE) of
 * INODE, a regular file of SIZE bytes, lies wholly inside the file. */
static bool whole_page(uint64_t offset, uint64_t size)
{
    ASSERT(offset % PAGE_SIZE == 0);
    return offset < size && size - offset >= PAGE_SIZE;
}

/* file_get_page: see file.h. */
int file_get_page(struct file *file, uint64_t offset, struct frame **out)
{
    struct inode *inode = file->inode;
    if (inode_is_dir(inode))
        return ERR_IS_DIR;
    uint64_t size = inode_size(inode);
    if (!whole_page(offset, size))
        return ERR_NOT_FOUND;
    return get_page(inode, offset / PAGE_SIZE, size, out);
}

/* file_find_page_locked: see file.h. fs_lock comes before frame_lock in
 * the lock order, so the size is the published one ([A]), read without
 * fs_lock: it may be behind a growth (the caller then takes the slow
 * path), never ahead of the file's. */
struct frame *file_find_page_locked(struct file *file, uint64_t offset)
{
    struct inode *inode = file->inode;
    if (inode_is_dir(inode))
        return NULL;
    uint64_t size = __atomic_load_n(&inode->size, __ATOMIC_ACQUIRE);
    if (!whole_page(offset, size))
        return NULL;
    return page_cache_find_locked(inode->ino, offset / PAGE_SIZE);
}

/* read_span_of: the bytes a read of SIZE bytes at OFFSET of INODE gets
 * (none at or past the end), the file's size in *FSIZE; ERR_IS_DIR for a
 * directory. */
static long read_span_of(struct inode *inode, uint64_t offset, size_t size, uint64_t *fsize)
{
    if (inode_is_dir(inode))
        return ERR_IS_DIR;
    *fsize = inode_size(inode);
    if (offset >= *fsize)
        return 0;
    return (long)(size < *fsize - offset ? size : *fsize - offset);
}

/* page_piece: how many of the LEFT bytes from byte POS of a file lie in
 * POS's page. */
static size_t page_piece(uint64_t pos, size_t left)
{
    size_t in_page = PAGE_SIZE - pos % PAGE_SIZE;
    return in_page < left ? in_page : left;
}

/* file_read_at: see file.h. */
long file_read_at(struct file *file, void *buf, size_t size, uint64_t offset)
{
    struct inode *inode = file->inode;
    uint64_t fsize;
    long span = read_span_of(inode, offset, size, &fsize);
    if (span <= 0)
        return span;
    size = (size_t)span;
    size_t done = 0;
    while (done < size) {
        uint64_t pos = offset + done;
        size_t poff = pos % PAGE_SIZE, chunk = page_piece(pos, size - done);
        struct frame *page;
        int err = get_page(inode, pos / PAGE_SIZE, fsize, &page);
        if (err < 0)
            return done > 0 ? (long)done : err;
        memcpy((uint8_t *)buf + done, (uint8_t *)page_cache_kva(page) + poff, chunk);
        page_cache_put(page);
        done += chunk;
    }
    return (long)done;
}

/* write_page_locked: the body of write_page, PAGE got: fill it if it is
 * not up to date (from the disk, or zeros past the end), allocate the
 * blocks, copy, grow the size. Bytes copied, or an error. fs_lock held. */
static long write_page_locked(struct inode *inode, struct frame *page, uint64_t pos,
                              const void *src, size_t len)
{
    uint8_t *kva = page_cache_kva(page);
    uint64_t index = pos / PAGE_SIZE;
    if (!page_cache_uptodate(page)) {
        int err = 0;
        if (index * PAGE_SIZE >= ext2_inode_size(&inode->disk))
            memset(kva, 0, PAGE_SIZE);
        else
            err = ext2_page_read(fs, &inode->disk, index, kva);
        if (err < 0)
            return err;
        page_cache_set_uptodate(&page, 1);
    }
    long n = ext2_file_reserve(fs, inode->ino, &inode->disk, pos, len);
    if (n <= 0)
        return n;
    memcpy(kva + pos % PAGE_SIZE, src, (size_t)n);
    grow_locked(inode, pos + (uint64_t)n);
    return n;
}

/* write_page: write LEN bytes of SRC at POS of INODE (a regular file),
 * all in one page, through the page cache: the page is dirty after.
 * Returns the bytes written (short if the disk filled), or an error. No
 * fs_lock held. */
static long write_page(struct inode *inode, uint64_t pos, const void *src, size_t len)
{
    int err;
    struct frame *page = page_cache_get(inode->ino, pos / PAGE_SIZE, &err);
    if (!page)
        return err;
    lock_acquire(&fs_lock);
    long n = write_page_locked(inode, page, pos, src, len);
    lock_release(&fs_lock);
    if (n > 0)
        page_cache_mark_dirty(page);
    page_cache_put(page);
    return n;
}

/* file_write_at: see file.h. */
long file_write_at(struct file *file, const void *buf, size_t size, uint64_t offset)
{
    struct inode *inode = file->inode;
    if (inode_is_dir(inode))
        return ERR_IS_DIR;
    if (size == 0)
        return 0;
    lock_acquire(&fs_lock);
    bool denied = inode->deny_write_cnt > 0;
    lock_release(&fs_lock);
    if (denied)
        return 0;
    size_t done = 0;
    long err = 0;
    while (done < size) {
        uint64_t pos = offset + done;
        size_t chunk = PAGE_SIZE - pos % PAGE_SIZE;
        chunk = chunk < size - done ? chunk : size - done;
        long n = write_page(inode, pos, (const uint8_t *)buf + done, chunk);
        if (n < 0) {
            err = n;
            break;
        }
        done += (size_t)n;
        if ((size_t)n < chunk)
            break;
    }
    return done > 0 ? (long)done : err;
}

/* fs_write_back_page: see file.h. */
int fs_write_back_page(struct frame *page)
{
    uint32_t ino;
    uint64_t index;
    page_cache_key(page, &ino, &index);
    lock_acquire(&fs_lock);
    int err = 0;
    struct inode *inode;
    if (fs && !page_cache_dead(page) && (err = inode_open_locked(ino, &inode)) == 0) {
        err = ext2_page_write(fs, ino, &inode->disk, index, page_cache_kva(page));
        inode_close_locked(inode);
    }
    if (err < 0 && kernel_cmdline.verbose) /* not inside a run's transcript without -v */
        printf("fs: write-back of page %lu of inode %u failed (%s)\n", (unsigned long)index, ino,
               err_name(err));
    lock_release(&fs_lock);
    return err;
}

/* file_read: see file.h. */
long file_read(struct file *file, void *buf, size_t size)
{
    long n = file_read_at(file, buf, size, file->pos);
    if (n > 0)
        file->pos += (uint64_t)n;
    return n;
}

/* file_write: see file.h. */
long file_write(struct file *file, const void *buf, size_t size)
{
    long n = file_write_at(file, buf, size, file->pos);
    if (n > 0)
        file->pos += (uint64_t)n;
    return n;
}

void file_seek(struct file *file, uint64_t pos)
{
    file->pos = pos;
}

uint64_t file_tell(struct file *file)
{
    return file->pos;
}

/* file_length: the current size in bytes. */
uint64_t file_length(struct file *file)
{
    lock_acquire(&fs_lock);
    uint64_t size = ext2_inode_size(&file->inode->disk);
    lock_release(&fs_lock);
    return size;
}

/* file_deny_write: see file.h. */
void file_deny_write(struct file *file)
{
    lock_acquire(&fs_lock);
    if (!file->deny_write) {
        file->deny_write = true;
        file->inode->deny_write_cnt++;
    }
    lock_release(&fs_lock);
}

/* file_allow_write: see file.h. */
void file_allow_write(struct file *file)
{
    lock_acquire(&fs_lock);
    if (file->deny_write) {
        file->deny_write = false;
        ASSERT(file->inode->deny_write_cnt > 0);
        file->inode->deny_write_cnt--;
    }
    lock_release(&fs_lock);
}

bool file_is_dir(struct file *file)
{
    return inode_is_dir(file->inode);
}

uint32_t file_inumber(struct file *file)
{
    return file->inode->ino;
}

struct inode *file_get_inode(struct file *file)
{
    return file->inode;
}

/* fs_readdir: see file.h. The file offset is the byte position in the
 * directory. */
int fs_readdir(struct file *dir, char *name)
{
    if (!file_is_dir(dir))
        return ERR_NOT_DIR;
    lock_acquire(&fs_lock);
    uint32_t ino;
    int r;
    do {
        r = ext2_dir_next(fs, &dir->inode->disk, &dir->pos, name, &ino);
    } while (r > 0 && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0));
    lock_release(&fs_lock);
    return r;
}

/* read_uncached_locked: LEN bytes at byte OFF of page INDEX of INODE into
 * DST: from the cached page if there is one, else from the disk through
 * BOUNCE (a page), without making a cached page. fs_lock held. */
static int read_uncached_locked(struct inode *inode, uint64_t index, size_t off, void *dst,
                                size_t len, void *bounce)
{
    if (page_cache_read_cached(inode->ino, index, off, dst, len))
        return 0;
    if (!bounce)
        return ext2_page_read(fs, &inode->disk, index, dst); /* a whole page */
    int err = ext2_page_read(fs, &inode->disk, index, bounce);
    if (err == 0)
        memcpy(dst, (uint8_t *)bounce + off, len);
    return err;
}

/* file_read_uncached: see file.h. */
long file_read_uncached(struct file *file, void *buf, size_t size, uint64_t offset)
{
    struct inode *inode = file->inode;
    uint64_t fsize;
    long span = read_span_of(inode, offset, size, &fsize);
    if (span <= 0)
        return span;
    size = (size_t)span;
    void *bounce = kmalloc(PAGE_SIZE);
    if (!bounce)
        return ERR_NO_MEMORY;
    size_t done = 0;
    int err = 0;
    lock_acquire(&fs_lock);
    while (done < size && err == 0) {
        uint64_t pos = offset + done;
        size_t poff = pos % PAGE_SIZE, chunk = page_piece(pos, size - done);
        err = read_uncached_locked(inode, pos / PAGE_SIZE, poff, (uint8_t *)buf + done, chunk,
                                   bounce);
        done += err == 0 ? chunk : 0;
    }
    lock_release(&fs_lock);
    kfree(bounce);
    return done > 0 ? (long)done : err;
}

/* file_read_page: see file.h. The cached page if there is one, else
 * straight from the disk (no page is made: a mapped page is a copy). */
long file_read_page(struct file *file, uint64_t offset, void *kva)
{
    ASSERT(offset % PAGE_SIZE == 0);
    struct inode *inode = file->inode;
    if (inode_is_dir(inode))
        return ERR_IS_DIR;
    lock_acquire(&fs_lock);
    uint64_t size = ext2_inode_size(&inode->disk);
    int err = read_uncached_locked(inode, offset / PAGE_SIZE, 0, kva, PAGE_SIZE, NULL);
    lock_release(&fs_lock);
    if (err < 0)
        return err;
    if (offset >= size)
        return 0;
    return size - offset < PAGE_SIZE ? (long)(size - offset) : (long)PAGE_SIZE;
}

/* file_write_pages: see file.h. Write-through: straight to the disk, and
 * into the cached pages if there are some (no page is made: this runs
 * when eviction writes a mapped page back, and must not need a frame). */
long file_write_pages(struct file *file, uint64_t offset, const void *src, size_t len)
{
    ASSERT(offset % PAGE_SIZE == 0);
    struct inode *inode = file->inode;
    if (inode_is_dir(inode))
        return ERR_IS_DIR;
    if (len == 0)
        return 0;
    lock_acquire(&fs_lock);
    long n = 0;
    if (inode->deny_write_cnt == 0) {
        inode->direct_writes++; /* before the disk */
        n = ext2_write_direct(fs, inode->ino, &inode->disk, offset, src, len);
    }
    for (size_t done = 0; n > 0 && done < (size_t)n; done += PAGE_SIZE) {
        size_t chunk = (size_t)n - done < PAGE_SIZE ? (size_t)n - done : PAGE_SIZE;
        page_cache_update(inode->ino, (offset + done) / PAGE_SIZE, 0, (const uint8_t *)src + done,
                          chunk);
    }
    if (n > 0)
        grow_locked(inode, offset + (uint64_t)n);
    lock_release(&fs_lock);
    return n;
}

/* file_write_page: see file.h. */
long file_write_page(struct file *file, uint64_t offset, const void *kva, size_t len)
{
    ASSERT(len <= PAGE_SIZE);
    return file_write_pages(file, offset, kva, len);
}
