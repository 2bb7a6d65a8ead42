/* Open inodes, open files and path names on top of ext2 (see file.h).
 *
 * An on-disk inode that is open has exactly one struct inode, found on the
 * open-inode list and shared by reference count; its in-memory copy of the
 * disk inode is the authoritative one (every change is stored through
 * ext2). Removing a name drops the link count; an inode whose link count
 * reaches zero stays readable by those who have it open, and is freed with
 * its blocks by the last inode_close.
 *
 * Lock order (one comment for the whole file system):
 *   fs_lock (below) -> bcache lock (fs/bcache.c) -> block driver.
 * fs_lock guards the open-inode list, every struct inode and struct file
 * field, and all of ext2 (bitmaps, counts, directory and inode contents).
 * Every public function here takes it; *_locked helpers expect it held. */
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

struct inode {
    struct list_node elem; /* on open_inodes */
    uint32_t ino;
    int open_cnt;           /* references */
    int deny_write_cnt;     /* files that called file_deny_write */
    struct ext2_inode disk; /* authoritative copy while open */
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

/* file_read_at: see file.h. */
long file_read_at(struct file *file, void *buf, size_t size, uint64_t offset)
{
    if (inode_is_dir(file->inode))
        return ERR_IS_DIR;
    lock_acquire(&fs_lock);
    long n = ext2_inode_read(fs, &file->inode->disk, buf, size, offset);
    lock_release(&fs_lock);
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
    long n = 0;
    if (inode->deny_write_cnt == 0)
        n = ext2_inode_write(fs, inode->ino, &inode->disk, buf, size, offset);
    lock_release(&fs_lock);
    return n;
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

/* file_read_page: see file.h. */
long file_read_page(struct file *file, uint64_t offset, void *kva)
{
    ASSERT(offset % PAGE_SIZE == 0);
    long n = file_read_at(file, kva, PAGE_SIZE, offset);
    if (n < 0)
        return n;
    memset((uint8_t *)kva + n, 0, PAGE_SIZE - (size_t)n);
    return n;
}

/* file_write_page: see file.h. */
long file_write_page(struct file *file, uint64_t offset, const void *kva, size_t len)
{
    ASSERT(offset % PAGE_SIZE == 0 && len <= PAGE_SIZE);
    return file_write_at(file, kva, len, offset);
}
