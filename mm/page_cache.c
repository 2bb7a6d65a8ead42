/* The page cache (see page_cache.h).
 *
 * A cached page is a struct frame with `pc` set, in the shared-frame
 * cache of mm/frame.c under the key (FRAME_KEY_INODE(ino), index), on the
 * clock ring like every user frame. Its life: page_cache_get makes it
 * (pinned, not up to date) on a miss; the getter fills it from the file
 * and lets it go; later gets find it (a hit). It leaves the cache when
 * the clock evicts it (mm/frame.c: written back first if dirty), when
 * its inode is freed (page_cache_drop_inode: dropped unwritten), and when
 * the file system is unmounted or the leak audit takes the frames back
 * (page_cache_drop_all: written back first).
 *
 * Dirty pages are also on a list, so that a sync finds them without a
 * sweep of the ring. All state is guarded by frame_lock; the bytes of a
 * page by its pin.
 *
 * Asynchronous read-ahead (Linux's async readahead): a sequential
 * reader's miss reads a window of pages (fs/file.c) and asks the
 * read-ahead thread for the ASYNC_DEPTH windows after it; that thread
 * marks the first page of each window it reads (pc_async), and the first
 * hit on a marked page asks for the window ASYNC_DEPTH windows after it.
 * So the disk reads up to ASYNC_DEPTH windows ahead of the reader while
 * the reader uses the pages already read, and the thread has its next
 * window when one ends, even when a disk request takes longer than the
 * reader's use of a window. Requests wait in a small ring here ([F]; one
 * more when full is dropped: read-ahead is only a hint), and async_sema
 * counts them for the thread. */
#include "mm/page_cache.h"

#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/list.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "mm/vm.h"
#include "proc/thread.h"

/* The share of the -ul= cap one miss may pin for read-ahead (a small cap
 * must leave frames to the processes). */
#define READAHEAD_CAP_SHARE 8

#define ASYNC_QUEUE_LEN 8 /* read-ahead requests waiting at most */
#define ASYNC_DEPTH     2 /* windows read ahead of a sequential reader */
/* Above the processes': woken, it starts the disk at once, then sleeps
 * while the reader runs. */
#define ASYNC_PRIORITY (PRIORITY_DEFAULT + 1)

static struct list dirty_pages; /* [F] pc frames with pc_dirty (pc_dirty_node) */
static size_t cached;           /* [F] pc frames */
static bool initialized;

struct async_request {
    uint32_t ino;
    uint64_t index; /* the window starts at the first page from here not cached */
};
static struct async_request async_queue[ASYNC_QUEUE_LEN]; /* [F] a ring */
static size_t async_head, async_count;                    /* [F] */
static bool async_enabled;                                /* [F] a file system is mounted */
static bool async_running;                                /* [F] the thread serves a request */
static struct semaphore async_sema;                       /* counts requests queued */

/* init_once_locked: the dirty list, on first use. frame_lock held. */
static void init_once_locked(void)
{
    if (initialized)
        return;
    list_init(&dirty_pages);
    sema_init(&async_sema, 0);
    initialized = true;
}

/* key_of: the shared-frame cache key of page INDEX of INO. */
static struct frame_key key_of(uint32_t ino, uint64_t index)
{
    return (struct frame_key){.space = FRAME_KEY_INODE(ino), .index = index};
}

/* adopt_locked: F (new, pinned, from vm_get_frame) is page INDEX of INO,
 * not up to date. frame_lock held. */
static void adopt_locked(struct frame *f, const struct frame_key *key)
{
    frame_cache_add_locked(f, key);
    ASSERT(f->cached);
    f->pc = true;
    f->pc_uptodate = f->pc_dirty = f->pc_dead = f->pc_async = false;
    f->pc_referenced = true;
    cached++;
}

/* async_request_locked: ask the read-ahead thread for the window of INO
 * from page INDEX on (dropped when the queue is full, a request for it is
 * queued already, or no file system is mounted). frame_lock held. */
static void async_request_locked(uint32_t ino, uint64_t index)
{
    if (!async_enabled || async_count == ASYNC_QUEUE_LEN)
        return;
    for (size_t i = 0; i < async_count; i++) {
        const struct async_request *r = &async_queue[(async_head + i) % ASYNC_QUEUE_LEN];
        if (r->ino == ino && r->index == index)
            return;
    }
    async_queue[(async_head + async_count++) % ASYNC_QUEUE_LEN] =
        (struct async_request){.ino = ino, .index = index};
    sema_up(&async_sema);
}

/* hit_locked: F, page INDEX of INO, is used (a hit): counted, referenced,
 * and, if it is marked, the next window is asked for. frame_lock held. */
static void hit_locked(struct frame *f, uint32_t ino, uint64_t index)
{
    f->pc_referenced = true;
    vm_count(VM_STAT_PC_HIT);
    if (f->pc_async) { /* INDEX starts a window read ahead: ask for the one DEPTH after */
        f->pc_async = false;
        async_request_locked(ino, index + ASYNC_DEPTH * page_cache_readahead_max());
    }
}

struct frame *page_cache_get(uint32_t ino, uint64_t index, int *err)
{
    struct frame_key key = key_of(ino, index);
    struct frame *f;
    frame_lock_acquire();
    init_once_locked();
    for (;;) {
        f = frame_cache_find_locked(&key);
        if (f && f->pinned) {
            frame_wait_locked(); /* in use, being filled or evicted: look again */
            continue;
        }
        if (f) {
            f->pinned = true;
            hit_locked(f, ino, index);
            break;
        }
        f = vm_get_frame(err); /* may drop frame_lock */
        if (!f)
            break;
        if (frame_cache_find_locked(&key)) {
            frame_free_locked(f); /* made by another meanwhile */
            continue;
        }
        adopt_locked(f, &key);
        vm_count(VM_STAT_PC_MISS);
        break;
    }
    frame_lock_release();
    return f;
}

struct frame *page_cache_find_locked(uint32_t ino, uint64_t index)
{
    struct frame_key key = key_of(ino, index);
    struct frame *f = cached ? frame_cache_find_locked(&key) : NULL;
    if (!f || f->pinned || !f->pc_uptodate)
        return NULL;
    hit_locked(f, ino, index);
    return f;
}

void page_cache_async_request(uint32_t ino, uint64_t index)
{
    size_t window = page_cache_readahead_max();
    frame_lock_acquire();
    init_once_locked();
    for (size_t i = 1; i <= ASYNC_DEPTH; i++)
        async_request_locked(ino, index + i * window);
    frame_lock_release();
}

/* async_next: the read-ahead thread's next request (waits for one). */
static void async_next(uint32_t *ino, uint64_t *index)
{
    for (;;) {
        sema_down(&async_sema);
        frame_lock_acquire();
        bool got = async_count > 0;
        if (got) {
            *ino = async_queue[async_head].ino;
            *index = async_queue[async_head].index;
            async_head = (async_head + 1) % ASYNC_QUEUE_LEN;
            async_count--;
            async_running = true;
        }
        frame_lock_release();
        if (got)
            return; /* else the queue was drained meanwhile */
    }
}

/* async_thread: the read-ahead thread: serves the requests one by one. */
static void async_thread(void *arg)
{
    (void)arg;
    for (;;) {
        uint32_t ino;
        uint64_t index;
        async_next(&ino, &index);
        for (size_t n = fs_read_ahead(ino, index); n > 0; n--)
            vm_count(VM_STAT_PC_ASYNC);
        frame_lock_acquire();
        async_running = false;
        frame_wake_locked(); /* for page_cache_async_drain */
        frame_lock_release();
    }
}

void page_cache_async_enable(bool on)
{
    static struct thread *thread; /* started once, runs for good */
    frame_lock_acquire();
    init_once_locked(); /* its semaphore, before the thread waits on it */
    frame_lock_release();
    if (on && !thread && (thread = thread_create("read-ahead", ASYNC_PRIORITY, async_thread, NULL)))
        thread_detach(thread);
    frame_lock_acquire();
    async_enabled = on && thread; /* without the thread, none */
    frame_lock_release();
    if (!on)
        page_cache_async_drain();
}

void page_cache_async_drain(void)
{
    frame_lock_acquire();
    init_once_locked();
    async_count = 0;
    while (async_running)
        frame_wait_locked();
    frame_lock_release();
}

void page_cache_mark_async(struct frame *page)
{
    frame_lock_acquire();
    page->pc_async = true;
    frame_lock_release();
}

size_t page_cache_try_new(uint32_t ino, uint64_t from, size_t max, struct frame **pages)
{
    size_t n = 0;
    frame_lock_acquire();
    init_once_locked();
    for (; n < max; n++) {
        struct frame_key key = key_of(ino, from + n);
        struct frame *f = frame_cache_find_locked(&key) ? NULL : vm_try_get_frame();
        if (!f)
            break; /* vm_try_get_frame keeps frame_lock: nobody added the page meanwhile */
        adopt_locked(f, &key);
        vm_count(VM_STAT_PC_READAHEAD);
        pages[n] = f;
    }
    frame_lock_release();
    return n;
}

bool page_cache_contains(uint32_t ino, uint64_t index)
{
    struct frame_key key = key_of(ino, index);
    frame_lock_acquire();
    bool found = cached && frame_cache_find_locked(&key);
    frame_lock_release();
    return found;
}

uint64_t page_cache_first_missing(uint32_t ino, uint64_t from, uint64_t to)
{
    frame_lock_acquire();
    for (; from < to && cached; from++) {
        struct frame_key key = key_of(ino, from);
        if (!frame_cache_find_locked(&key))
            break;
    }
    frame_lock_release();
    return from;
}

size_t page_cache_readahead_max(void)
{
    size_t cap = frame_limit();
    if (cap == 0 || cap / READAHEAD_CAP_SHARE >= PAGE_CACHE_READAHEAD_MAX)
        return PAGE_CACHE_READAHEAD_MAX;
    return cap / READAHEAD_CAP_SHARE ? cap / READAHEAD_CAP_SHARE : 1;
}

/* free_locked: F (a pc frame, pinned or unused, no page mapping it)
 * leaves the cache and goes back to RAM. frame_lock held. */
static void free_locked(struct frame *f)
{
    ASSERT(f->refs == 0);
    frame_free_locked(f); /* forgets it (page_cache_forget_locked) */
}

void page_cache_put(struct frame *page)
{
    frame_lock_acquire();
    page_cache_put_locked(page);
    frame_lock_release();
}

void page_cache_put_pages(struct frame **pages, size_t n)
{
    frame_lock_acquire();
    for (size_t i = 0; i < n; i++)
        page_cache_put_locked(pages[i]);
    frame_lock_release();
}

void page_cache_put_locked(struct frame *page)
{
    ASSERT(page->pc && page->pinned);
    if (page->pc_dead && page->refs == 0) {
        free_locked(page);
    } else {
        page->pinned = false;
        frame_wake_locked();
    }
}

void *page_cache_kva(struct frame *page)
{
    return page->kva;
}

bool page_cache_uptodate(struct frame *page)
{
    return page->pc_uptodate;
}

void page_cache_set_uptodate(struct frame **pages, size_t n)
{
    frame_lock_acquire();
    for (size_t i = 0; i < n; i++)
        pages[i]->pc_uptodate = true;
    frame_lock_release();
}

void page_cache_mark_dirty_locked(struct frame *frame)
{
    if (frame->pc_dirty || frame->pc_dead)
        return;
    init_once_locked();
    frame->pc_dirty = true;
    list_push_back(&dirty_pages, &frame->pc_dirty_node);
}

void page_cache_mark_dirty(struct frame *page)
{
    frame_lock_acquire();
    page_cache_mark_dirty_locked(page);
    frame_lock_release();
}

/* clean_locked: F is no longer dirty (off the dirty list). */
static void clean_locked(struct frame *f)
{
    if (!f->pc_dirty)
        return;
    f->pc_dirty = false;
    list_remove(&f->pc_dirty_node);
}

void page_cache_forget_locked(struct frame *frame)
{
    if (!frame->pc)
        return;
    clean_locked(frame);
    frame_cache_drop_locked(frame);
    frame->pc = frame->pc_uptodate = frame->pc_dead = frame->pc_referenced = false;
    cached--;
}

void page_cache_key(struct frame *page, uint32_t *ino, uint64_t *index)
{
    *ino = FRAME_KEY_INO(page->cache_key.space);
    *index = page->cache_key.index;
}

bool page_cache_dead(struct frame *page)
{
    return page->pc_dead;
}

void page_cache_write_back(struct frame *page)
{
    frame_lock_acquire();
    bool dirty = page->pc_dirty;
    clean_locked(page);
    frame_lock_release();
    if (!dirty)
        return;
    vm_count(VM_STAT_PC_WRITE_BACK);
    fs_write_back_page(page);
}

void page_cache_update(uint32_t ino, uint64_t index, size_t off, const void *src, size_t len)
{
    struct frame_key key = key_of(ino, index);
    frame_lock_acquire();
    struct frame *f = cached ? frame_cache_find_locked(&key) : NULL;
    if (f && f->pc_uptodate && !f->pc_dead)
        memcpy((uint8_t *)f->kva + off, src, len);
    frame_lock_release();
}

bool page_cache_read_cached(uint32_t ino, uint64_t index, size_t off, void *dst, size_t len)
{
    struct frame_key key = key_of(ino, index);
    frame_lock_acquire();
    struct frame *f = cached ? frame_cache_find_locked(&key) : NULL;
    bool found = f && f->pc_uptodate && !f->pc_dead;
    if (found)
        memcpy(dst, (uint8_t *)f->kva + off, len);
    frame_lock_release();
    if (found)
        vm_count(VM_STAT_PC_HIT);
    return found;
}

void page_cache_drop_inode(uint32_t ino)
{
    frame_lock_acquire();
    struct frame *f = cached ? frame_ring_next(NULL) : NULL;
    while (f) {
        struct frame *next = frame_ring_next(f);
        if (f->pc && !f->pc_dead && FRAME_KEY_INO(f->cache_key.space) == ino) {
            clean_locked(f);
            frame_cache_drop_locked(f); /* nobody finds it any more */
            f->pc_dead = true;
            if (!f->pinned && f->refs == 0)
                free_locked(f);
        }
        f = next;
    }
    frame_lock_release();
}

/* pin_dirty_locked: a dirty page nobody holds, pinned, or NULL when there
 * is none (waits while every dirty page is held). frame_lock held. */
static struct frame *pin_dirty_locked(void)
{
    init_once_locked();
    while (!list_empty(&dirty_pages)) {
        list_for_each(n, &dirty_pages)
        {
            struct frame *f = list_entry(n, struct frame, pc_dirty_node);
            if (!f->pinned) {
                f->pinned = true;
                return f;
            }
        }
        frame_wait_locked();
    }
    return NULL;
}

void page_cache_sync(void)
{
    frame_lock_acquire();
    struct frame *f;
    while ((f = pin_dirty_locked())) {
        frame_lock_release();
        page_cache_write_back(f);
        page_cache_put(f);
        frame_lock_acquire();
    }
    frame_lock_release();
}

void page_cache_drop_all(void)
{
    page_cache_async_drain(); /* no page pinned for read-ahead meanwhile */
    page_cache_sync();
    frame_lock_acquire();
    struct frame *f = cached ? frame_ring_next(NULL) : NULL;
    while (f) {
        struct frame *next = frame_ring_next(f);
        if (f->pc && !f->pinned && f->refs == 0 && !f->pc_dirty)
            free_locked(f);
        f = next;
    }
    frame_lock_release();
}

size_t page_cache_count(void)
{
    return cached;
}
