/* Host implementations of the kernel interfaces used by fs/: heap (libc
 * malloc with a byte count for the leak check), panic (abort), locks
 * (pthread mutexes with an owner), and block devices over an image file.
 * printf/snprintf/string functions come from the host libc, whose
 * prototypes match kernel/printf.h and kernel/string.h. */
#define _GNU_SOURCE
#include "tools/fshost/host.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"

#define HEADER 16 /* keeps the 16-byte alignment kmalloc promises */

static atomic_size_t heap_bytes;

void *kmalloc(size_t size)
{
    uint8_t *p = malloc(size + HEADER);
    if (!p)
        return NULL;
    *(size_t *)p = size;
    atomic_fetch_add(&heap_bytes, size);
    memset(p + HEADER, 0xA5, size); /* catch use of uninitialised memory */
    return p + HEADER;
}

void *kzalloc(size_t size)
{
    void *p = kmalloc(size);
    if (p)
        memset(p, 0, size);
    return p;
}

void kfree(void *ptr)
{
    if (!ptr)
        return;
    uint8_t *p = (uint8_t *)ptr - HEADER;
    size_t size = *(size_t *)p;
    atomic_fetch_sub(&heap_bytes, size);
    memset(ptr, 0xDD, size); /* poison */
    free(p);
}

void kmalloc_get_stats(struct kmalloc_stats *out)
{
    out->bytes_in_use = atomic_load(&heap_bytes);
    out->pages_in_use = 0;
}

size_t host_heap_in_use(void)
{
    return atomic_load(&heap_bytes);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "Kernel PANIC: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

const char *err_name(int err)
{
    static const char *const names[] = {
        "ERR_OK",       "ERR_NO_MEMORY",  "ERR_NOT_FOUND",     "ERR_IO",     "ERR_INVALID",
        "ERR_NO_SPACE", "ERR_EXISTS",     "ERR_NOT_DIR",       "ERR_IS_DIR", "ERR_NOT_EMPTY",
        "ERR_TOO_MANY", "ERR_BAD_FORMAT", "ERR_NAME_TOO_LONG", "ERR_BUSY",   "ERR_UNSUPPORTED",
        "ERR_FAULT",    "ERR_TIMEOUT",
    };
    if (err > 0 || -err >= (int)(sizeof(names) / sizeof(names[0])))
        return "ERR_?";
    return names[-err];
}

/* Locks: one global table mapping struct lock to a pthread mutex would be
 * overkill; the semaphore inside struct lock is unused and its storage
 * holds a pointer to a heap mutex instead. */
struct host_lock {
    pthread_mutex_t mutex;
    pthread_t owner;
    int held;
};

#define HOST_MAX_LOCKS 64
static struct host_lock host_locks[HOST_MAX_LOCKS];
static atomic_int host_locks_used;

static struct host_lock *host_lock_of(const struct lock *l)
{
    return *(struct host_lock *const *)&l->sema;
}

void lock_init(struct lock *l)
{
    _Static_assert(sizeof(l->sema) >= sizeof(struct host_lock *), "room for a pointer");
    int i = atomic_fetch_add(&host_locks_used, 1);
    if (i >= HOST_MAX_LOCKS)
        panic("lock_init: host lock table full");
    struct host_lock *h = &host_locks[i]; /* never reused: a test makes few locks */
    pthread_mutex_init(&h->mutex, NULL);
    memset(l, 0, sizeof(*l));
    *(struct host_lock **)&l->sema = h;
}

void lock_acquire(struct lock *l)
{
    struct host_lock *h = host_lock_of(l);
    if (h->held && pthread_equal(h->owner, pthread_self()))
        panic("lock_acquire: recursive acquire");
    pthread_mutex_lock(&h->mutex);
    h->owner = pthread_self();
    h->held = 1;
}

bool lock_try_acquire(struct lock *l)
{
    struct host_lock *h = host_lock_of(l);
    if (pthread_mutex_trylock(&h->mutex) != 0)
        return false;
    h->owner = pthread_self();
    h->held = 1;
    return true;
}

void lock_release(struct lock *l)
{
    struct host_lock *h = host_lock_of(l);
    if (!h->held || !pthread_equal(h->owner, pthread_self()))
        panic("lock_release: not held by this thread");
    h->held = 0;
    pthread_mutex_unlock(&h->mutex);
}

bool lock_held_by_current_thread(const struct lock *l)
{
    struct host_lock *h = host_lock_of(l);
    return h->held && pthread_equal(h->owner, pthread_self());
}

/* Block devices over a file. */
struct host_disk {
    int fd;
};

static int disk_xfer(struct block_device *dev, uint64_t sector, uint32_t count, void *buf,
                     bool write)
{
    struct host_disk *d = dev->priv;
    off_t off = (off_t)((dev->start + sector) * BLOCK_SECTOR_SIZE);
    size_t len = (size_t)count * BLOCK_SECTOR_SIZE;
    ssize_t n = write ? pwrite(d->fd, buf, len, off) : pread(d->fd, buf, len, off);
    return n == (ssize_t)len ? 0 : ERR_IO;
}

static const struct block_ops disk_ops; /* block_read/block_write below do the work */

struct block_device *host_disk_open(const char *image, uint64_t start, uint64_t count)
{
    struct host_disk *d = calloc(1, sizeof(*d));
    struct block_device *dev = calloc(1, sizeof(*dev));
    d->fd = open(image, O_RDWR);
    if (d->fd < 0) {
        perror(image);
        exit(2);
    }
    snprintf(dev->name, sizeof(dev->name), "hda1");
    dev->role = BLOCK_ROLE_FILESYS;
    dev->sector_count = count;
    dev->ops = &disk_ops;
    dev->priv = d;
    dev->start = start;
    return dev;
}

void host_disk_close(struct block_device *dev)
{
    struct host_disk *d = dev->priv;
    close(d->fd);
    free(d);
    free(dev);
}

int block_read(struct block_device *dev, uint64_t sector, uint32_t count, void *buf)
{
    if (sector + count > dev->sector_count || sector + count < sector)
        return ERR_INVALID;
    dev->reads += count;
    return disk_xfer(dev, sector, count, buf, false);
}

/* block_readv: one read per segment (the image file has no DMA to save). */
int block_readv(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                uint32_t nseg)
{
    int err = 0;
    for (uint32_t i = 0; i < nseg && err == 0; i++) {
        uint32_t count = (uint32_t)(segs[i].len / BLOCK_SECTOR_SIZE);
        err = block_read(dev, sector, count, segs[i].buf);
        sector += count;
    }
    return err;
}

void (*host_write_hook)(uint64_t sector, uint32_t count, const void *buf);

int block_write(struct block_device *dev, uint64_t sector, uint32_t count, const void *buf)
{
    if (sector + count > dev->sector_count || sector + count < sector)
        return ERR_INVALID;
    if (host_write_hook)
        host_write_hook(sector, count, buf);
    dev->writes += count;
    return disk_xfer(dev, sector, count, (void *)buf, true);
}

int block_flush(struct block_device *dev)
{
    return dev ? 0 : ERR_INVALID; /* pwrite to the image file: nothing cached here */
}

#include "kernel/cmdline.h"
struct cmdline kernel_cmdline; /* fs/file.c reads the verbose flag */

/* The page cache (mm/page_cache.h) for the host: pages in a list, at most
 * HOST_PC_MAX of them, the least recently made evicted (written back
 * first if dirty) when a new one is needed: small, so that the harness
 * runs fs/file.c's fill and write-back paths often. */
#include "fs/file.h"
#include "mm/memlayout.h"
#include "mm/page_cache.h"

#define HOST_PC_MAX 64

struct frame {
    struct frame *next;
    uint32_t ino;
    uint64_t index;
    bool uptodate, dirty, dead, pinned;
    uint8_t data[PAGE_SIZE];
};

static pthread_mutex_t pc_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pc_cond = PTHREAD_COND_INITIALIZER;
static struct frame *pc_pages; /* newest first */
static size_t pc_count;

static struct frame *pc_find(uint32_t ino, uint64_t index)
{
    for (struct frame *f = pc_pages; f; f = f->next)
        if (f->ino == ino && f->index == index && !f->dead)
            return f;
    return NULL;
}

static void pc_unlink(struct frame *page)
{
    struct frame **p = &pc_pages;
    while (*p != page)
        p = &(*p)->next;
    *p = page->next;
    pc_count--;
}

static struct frame *pc_new(uint32_t ino, uint64_t index)
{
    struct frame *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->ino = ino;
    f->index = index;
    f->pinned = true;
    f->next = pc_pages;
    pc_pages = f;
    pc_count++;
    return f;
}

/* pc_evict_one: write back and free the oldest page nobody holds; false
 * if there is none. pc_mutex held (dropped during the write). */
static bool pc_evict_one(void)
{
    struct frame *victim = NULL;
    for (struct frame *f = pc_pages; f; f = f->next)
        if (!f->pinned)
            victim = f;
    if (!victim)
        return false;
    victim->pinned = true;
    if (victim->dirty) {
        victim->dirty = false;
        pthread_mutex_unlock(&pc_mutex);
        fs_write_back_page(victim);
        pthread_mutex_lock(&pc_mutex);
    }
    pc_unlink(victim);
    free(victim);
    pthread_cond_broadcast(&pc_cond);
    return true;
}

struct frame *page_cache_get(uint32_t ino, uint64_t index, int *err)
{
    pthread_mutex_lock(&pc_mutex);
    struct frame *f;
    for (;;) {
        f = pc_find(ino, index);
        if (f && f->pinned) {
            pthread_cond_wait(&pc_cond, &pc_mutex);
            continue;
        }
        if (f) {
            f->pinned = true;
            break;
        }
        if (pc_count >= HOST_PC_MAX && pc_evict_one())
            continue;
        if (!(f = pc_new(ino, index)))
            *err = ERR_NO_MEMORY;
        break;
    }
    pthread_mutex_unlock(&pc_mutex);
    return f;
}

size_t page_cache_try_new(uint32_t ino, uint64_t from, size_t max, struct frame **pages)
{
    size_t n = 0;
    pthread_mutex_lock(&pc_mutex);
    for (; n < max && !pc_find(ino, from + n) && pc_count < HOST_PC_MAX; n++)
        if (!(pages[n] = pc_new(ino, from + n)))
            break;
    pthread_mutex_unlock(&pc_mutex);
    return n;
}

bool page_cache_contains(uint32_t ino, uint64_t index)
{
    pthread_mutex_lock(&pc_mutex);
    bool found = pc_find(ino, index) != NULL;
    pthread_mutex_unlock(&pc_mutex);
    return found;
}

uint64_t page_cache_first_missing(uint32_t ino, uint64_t from, uint64_t to)
{
    pthread_mutex_lock(&pc_mutex);
    while (from < to && pc_find(ino, from))
        from++;
    pthread_mutex_unlock(&pc_mutex);
    return from;
}

size_t page_cache_readahead_max(void)
{
    return 8;
}

/* page_cache_find_locked: the fault path's lookup (mm/vm.c); the host
 * has no faults, and no frame_lock to hold. */
struct frame *page_cache_find_locked(uint32_t ino, uint64_t index)
{
    (void)ino;
    (void)index;
    return NULL;
}

/* Asynchronous read-ahead: the host has no read-ahead thread; a request
 * is served at once by the caller (so that fs_read_ahead runs here too),
 * and pages are not marked (only a miss asks for the next window). */
void page_cache_async_request(uint32_t ino, uint64_t index)
{
    fs_read_ahead(ino, index + page_cache_readahead_max()); /* one window ahead */
}

void page_cache_async_enable(bool on)
{
    (void)on;
}

void page_cache_async_drain(void) {}

void page_cache_mark_async(struct frame *page)
{
    (void)page;
}

void page_cache_put(struct frame *page)
{
    pthread_mutex_lock(&pc_mutex);
    if (!page->pinned)
        panic("page_cache_put: page not held");
    page->pinned = false;
    if (page->dead) {
        pc_unlink(page);
        free(page);
    }
    pthread_cond_broadcast(&pc_cond);
    pthread_mutex_unlock(&pc_mutex);
}

void page_cache_put_pages(struct frame **pages, size_t n)
{
    for (size_t i = 0; i < n; i++)
        page_cache_put(pages[i]);
}

void *page_cache_kva(struct frame *page)
{
    return page->data;
}

bool page_cache_uptodate(struct frame *page)
{
    return page->uptodate;
}

void page_cache_set_uptodate(struct frame **pages, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pages[i]->uptodate = true;
}

void page_cache_mark_dirty(struct frame *page)
{
    pthread_mutex_lock(&pc_mutex);
    page->dirty = !page->dead;
    pthread_mutex_unlock(&pc_mutex);
}

void page_cache_key(struct frame *page, uint32_t *ino, uint64_t *index)
{
    *ino = page->ino;
    *index = page->index;
}

bool page_cache_dead(struct frame *page)
{
    return page->dead;
}

void page_cache_update(uint32_t ino, uint64_t index, size_t off, const void *src, size_t len)
{
    pthread_mutex_lock(&pc_mutex);
    struct frame *f = pc_find(ino, index);
    if (f && f->uptodate)
        memcpy(f->data + off, src, len);
    pthread_mutex_unlock(&pc_mutex);
}

bool page_cache_read_cached(uint32_t ino, uint64_t index, size_t off, void *dst, size_t len)
{
    pthread_mutex_lock(&pc_mutex);
    struct frame *f = pc_find(ino, index);
    bool found = f && f->uptodate;
    if (found)
        memcpy(dst, f->data + off, len);
    pthread_mutex_unlock(&pc_mutex);
    return found;
}

void page_cache_write_back(struct frame *page)
{
    pthread_mutex_lock(&pc_mutex);
    bool dirty = page->dirty;
    page->dirty = false;
    pthread_mutex_unlock(&pc_mutex);
    if (dirty)
        fs_write_back_page(page);
}

void page_cache_drop_inode(uint32_t ino)
{
    pthread_mutex_lock(&pc_mutex);
    for (struct frame *f = pc_pages, *next; f; f = next) {
        next = f->next;
        if (f->ino != ino || f->dead)
            continue;
        f->dead = true;
        f->dirty = false;
        if (!f->pinned) {
            pc_unlink(f);
            free(f);
        }
    }
    pthread_mutex_unlock(&pc_mutex);
}

void page_cache_sync(void)
{
    pthread_mutex_lock(&pc_mutex);
    for (;;) {
        struct frame *dirty = NULL;
        bool held = false;
        for (struct frame *f = pc_pages; f && !dirty; f = f->next) {
            if (f->dirty && !f->pinned)
                dirty = f;
            held |= f->dirty && f->pinned;
        }
        if (!dirty && !held)
            break;
        if (!dirty) {
            pthread_cond_wait(&pc_cond, &pc_mutex);
            continue;
        }
        dirty->pinned = true;
        pthread_mutex_unlock(&pc_mutex);
        page_cache_write_back(dirty);
        page_cache_put(dirty);
        pthread_mutex_lock(&pc_mutex);
    }
    pthread_mutex_unlock(&pc_mutex);
}

void page_cache_drop_all(void)
{
    page_cache_sync();
    pthread_mutex_lock(&pc_mutex);
    for (struct frame *f = pc_pages, *next; f; f = next) {
        next = f->next;
        if (!f->pinned && !f->dirty) {
            pc_unlink(f);
            free(f);
        }
    }
    pthread_mutex_unlock(&pc_mutex);
}

size_t page_cache_count(void)
{
    return pc_count;
}
