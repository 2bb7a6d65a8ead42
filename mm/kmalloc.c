/* Kernel heap: size classes carved from whole pages, large blocks as runs.
 *
 * Small requests (up to KMALLOC_MAX_SMALL bytes) are served from size
 * classes of 16..1024 bytes. Each class owns "slab" pages taken one at a
 * time from pmm_alloc_page(); a slab page holds objects of one class only
 * and starts with its descriptor:
 *
 *   +--------------+------------------+-------+-------+-----+
 *   | kmalloc_page | size[nslots] u16 | obj 0 | obj 1 | ... |
 *   +--------------+------------------+-------+-------+-----+
 *   page start                        ^ objs_offset (16-aligned)
 *
 * size[i] is the byte count the caller asked for (for the statistics), or
 * KMALLOC_SLOT_FREE while slot i is free, which catches double frees in
 * every build. The free slots of a page form a singly-linked list threaded
 * through the objects. Pages with at least one free slot sit on their
 * class's partial list. A page whose objects are all free goes back to the
 * frame allocator at once: no empty page is cached, so once everything is
 * freed the heap holds zero pages and the leak audit sees no difference.
 * There is no 2048-byte class: with the in-page descriptor only one such
 * object fits in a page, which is what a one-page large block gives.
 *
 * Large requests are a run of contiguous frames from pmm_alloc_contig()
 * whose first bytes hold the descriptor (magic, run length, size); the
 * caller's block starts KMALLOC_HDR_SIZE bytes into the run, so it is
 * 16-byte aligned (64, in fact), not page aligned.
 *
 * kfree rounds the pointer down to its page to find the descriptor (a small
 * object never starts at its page's first byte, a large block starts inside
 * its run's first page) and checks the magic there: a pointer the heap did
 * not hand out, or one already freed, panics "kfree: bad pointer".
 *
 * Zero-byte requests return a valid, unique 16-byte block (counted as 0
 * bytes in use). Requests whose size overflows the arithmetic return NULL.
 *
 * Debug builds (KERNEL_DEBUG) fill new blocks with KMALLOC_POISON_ALLOC and
 * freed ones with KMALLOC_POISON_FREE, and check when a small slot is
 * handed out again that nobody wrote to it while it was free.
 *
 * Locking: kmalloc_lock (a spinlock, so the heap is safe between threads)
 * guards the class lists, the descriptors of slab pages and the statistics.
 * It is a leaf lock: the frame allocator is always called without it.
 */
#include "mm/kmalloc.h"
#include <stdbool.h>
#include <stdint.h>
#include "kernel/list.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/memlayout.h"
#include "mm/pmm.h"

#define KMALLOC_ALIGN     16u
#define KMALLOC_MIN_CLASS 16u
#define KMALLOC_NCLASSES  7u /* 16, 32, ..., 1024 */
#define KMALLOC_MAX_SMALL (KMALLOC_MIN_CLASS << (KMALLOC_NCLASSES - 1))
#define KMALLOC_HDR_SIZE  64u /* sizeof(struct kmalloc_page), rounded up */
#define KMALLOC_SLOT_FREE UINT16_MAX

#define KMALLOC_MAGIC_SMALL 0x5ab1e5a6u
#define KMALLOC_MAGIC_LARGE 0x1a59eb10u
#define KMALLOC_MAGIC_DEAD  0xdeadfee0u /* written just before a page goes back */

#define KMALLOC_POISON_ALLOC 0xCC
#define KMALLOC_POISON_FREE  0xDD

#define KMALLOC_ROUND_UP(x, a) (((x) + (a)-1) / (a) * (a))

/* Descriptor at the start of every page (slab) or run (large) of the heap. */
struct kmalloc_page {
    uint32_t magic;
    uint16_t class_idx;    /* small: index of the size class */
    uint16_t nslots;       /* small: objects in the page */
    uint16_t nfree;        /* small: free objects */
    uint16_t objs_offset;  /* small: byte offset of object 0 */
    struct list_node link; /* small: on the class's partial list */
    void *free_list;       /* small: first free object */
    size_t npages;         /* large: pages in the run */
    size_t size;           /* large: bytes requested */
};
_Static_assert(sizeof(struct kmalloc_page) <= KMALLOC_HDR_SIZE, "kmalloc header too big");
_Static_assert(KMALLOC_HDR_SIZE % KMALLOC_ALIGN == 0, "kmalloc header misaligns blocks");

/* Pages of each class that have at least one free slot. */
static struct list kmalloc_partial[KMALLOC_NCLASSES];
static bool kmalloc_ready;
static struct kmalloc_stats kmalloc_usage;
static struct spinlock kmalloc_lock = {.name = "kmalloc"};

/* kmalloc_class_size: object size of class IDX. */
static size_t kmalloc_class_size(size_t idx)
{
    return (size_t)KMALLOC_MIN_CLASS << idx;
}

/* kmalloc_class_of: smallest class whose objects hold SIZE bytes
 * (SIZE <= KMALLOC_MAX_SMALL). */
static size_t kmalloc_class_of(size_t size)
{
    size_t idx = 0;
    while (kmalloc_class_size(idx) < size)
        idx++;
    return idx;
}

/* kmalloc_sizes: the per-slot size array that follows PG's descriptor. */
static uint16_t *kmalloc_sizes(struct kmalloc_page *pg)
{
    return (uint16_t *)((char *)pg + KMALLOC_HDR_SIZE);
}

/* kmalloc_objs_offset: where object 0 starts in a slab of NSLOTS slots. */
static size_t kmalloc_objs_offset(size_t nslots)
{
    return KMALLOC_ROUND_UP(KMALLOC_HDR_SIZE + nslots * sizeof(uint16_t), KMALLOC_ALIGN);
}

/* kmalloc_slots_per_page: how many objects of CLS bytes fit in a slab. */
static size_t kmalloc_slots_per_page(size_t cls)
{
    size_t n = (PAGE_SIZE - KMALLOC_HDR_SIZE) / (cls + sizeof(uint16_t));
    while (kmalloc_objs_offset(n) + n * cls > PAGE_SIZE)
        n--;
    return n;
}

/* kmalloc_init_locked: set up the class lists on first use.
 * Caller holds kmalloc_lock. */
static void kmalloc_init_locked(void)
{
    ASSERT(kmalloc_lock.locked);
    if (kmalloc_ready)
        return;
    for (size_t i = 0; i < KMALLOC_NCLASSES; i++)
        list_init(&kmalloc_partial[i]);
    kmalloc_ready = true;
}

/* kmalloc_slab_new: a fresh slab page for class IDX with every slot on its
 * free list, not yet on any list or in the statistics; NULL if out of
 * frames. Called without kmalloc_lock. */
static struct kmalloc_page *kmalloc_slab_new(size_t idx)
{
    struct kmalloc_page *pg = pmm_alloc_page();
    if (!pg)
        return NULL;
    size_t cls = kmalloc_class_size(idx);
    size_t n = kmalloc_slots_per_page(cls);
    pg->magic = KMALLOC_MAGIC_SMALL;
    pg->class_idx = (uint16_t)idx;
    pg->nslots = pg->nfree = (uint16_t)n;
    pg->objs_offset = (uint16_t)kmalloc_objs_offset(n);
    list_node_init(&pg->link);
    char *objs = (char *)pg + pg->objs_offset;
#ifdef KERNEL_DEBUG
    memset(objs, KMALLOC_POISON_FREE, n * cls);
#endif
    pg->free_list = NULL;
    for (size_t i = n; i-- > 0;) {
        kmalloc_sizes(pg)[i] = KMALLOC_SLOT_FREE;
        *(void **)(objs + i * cls) = pg->free_list;
        pg->free_list = objs + i * cls;
    }
    return pg;
}

/* kmalloc_slab_take_locked: remove a free object from PG (which has one),
 * record SIZE for it and account it. Caller holds kmalloc_lock. */
static void *kmalloc_slab_take_locked(struct kmalloc_page *pg, size_t size)
{
    ASSERT(kmalloc_lock.locked);
    char *obj = pg->free_list;
    size_t cls = kmalloc_class_size(pg->class_idx);
    size_t slot = (size_t)(obj - ((char *)pg + pg->objs_offset)) / cls;
    pg->free_list = *(void **)obj;
    kmalloc_sizes(pg)[slot] = (uint16_t)size;
    if (--pg->nfree == 0)
        list_remove(&pg->link);
    kmalloc_usage.bytes_in_use += size;
    return obj;
}

/* kmalloc_check_free_poison: in debug builds, panic if the free object OBJ
 * of CLS bytes was written after it was freed (its link word excepted). */
static void kmalloc_check_free_poison(const char *obj, size_t cls)
{
#ifdef KERNEL_DEBUG
    for (size_t i = sizeof(void *); i < cls; i++)
        if ((uint8_t)obj[i] != KMALLOC_POISON_FREE)
            panic("kmalloc: %p modified after free", (const void *)obj);
#else
    (void)obj;
    (void)cls;
#endif
}

/* kmalloc_small: an object of the class that fits SIZE, or NULL. Takes a
 * slot from a partial slab, or adds a new slab when there is none. */
static void *kmalloc_small(size_t size)
{
    size_t idx = kmalloc_class_of(size);
    void *obj = NULL;
    spin_lock(&kmalloc_lock);
    kmalloc_init_locked();
    struct list_node *node = list_front(&kmalloc_partial[idx]);
    if (node)
        obj = kmalloc_slab_take_locked(list_entry(node, struct kmalloc_page, link), size);
    spin_unlock(&kmalloc_lock);
    if (!obj) {
        struct kmalloc_page *pg = kmalloc_slab_new(idx);
        if (!pg)
            return NULL;
        spin_lock(&kmalloc_lock);
        list_push_front(&kmalloc_partial[idx], &pg->link);
        kmalloc_usage.pages_in_use++;
        obj = kmalloc_slab_take_locked(pg, size);
        spin_unlock(&kmalloc_lock);
    }
    kmalloc_check_free_poison(obj, kmalloc_class_size(idx));
    return obj;
}

/* kmalloc_large: a block of SIZE bytes at the start of a fresh page run,
 * or NULL if out of frames or SIZE is absurd. */
static void *kmalloc_large(size_t size)
{
    if (size > SIZE_MAX - KMALLOC_HDR_SIZE - PAGE_MASK)
        return NULL;
    size_t npages = PAGE_ROUND_UP(size + KMALLOC_HDR_SIZE) >> PAGE_SHIFT;
    paddr_t pa = pmm_alloc_contig(npages);
    if (!pa)
        return NULL;
    struct kmalloc_page *pg = phys_to_virt(pa);
    memset(pg, 0, KMALLOC_HDR_SIZE);
    pg->magic = KMALLOC_MAGIC_LARGE;
    pg->npages = npages;
    pg->size = size;
    spin_lock(&kmalloc_lock);
    kmalloc_usage.bytes_in_use += size;
    kmalloc_usage.pages_in_use += npages;
    spin_unlock(&kmalloc_lock);
    return (char *)pg + KMALLOC_HDR_SIZE;
}

/* kmalloc: SIZE bytes, 16-byte aligned, or NULL. See the top of the file
 * for zero and oversized requests. */
void *kmalloc(size_t size)
{
    void *p = size <= KMALLOC_MAX_SMALL ? kmalloc_small(size) : kmalloc_large(size);
#ifdef KERNEL_DEBUG
    if (p)
        memset(p, KMALLOC_POISON_ALLOC, size);
#endif
    return p;
}

/* kzalloc: like kmalloc, zero-filled. */
void *kzalloc(size_t size)
{
    void *p = kmalloc(size);
    if (p)
        memset(p, 0, size);
    return p;
}

/* kmalloc_bad_pointer: report a pointer kfree cannot have handed out. */
__attribute__((noreturn)) static void kmalloc_bad_pointer(const void *ptr)
{
    panic("kfree: bad pointer %p", ptr);
}

/* kmalloc_slot_locked: index of the live object PTR in slab PG; panics if
 * PTR is not the start of a live object. Caller holds kmalloc_lock. */
static size_t kmalloc_slot_locked(struct kmalloc_page *pg, const void *ptr)
{
    ASSERT(kmalloc_lock.locked);
    size_t off = (size_t)((const char *)ptr - (const char *)pg);
    if (pg->class_idx >= KMALLOC_NCLASSES || off < pg->objs_offset)
        kmalloc_bad_pointer(ptr);
    size_t cls = kmalloc_class_size(pg->class_idx);
    size_t slot = (off - pg->objs_offset) / cls;
    if ((off - pg->objs_offset) % cls != 0 || slot >= pg->nslots ||
        kmalloc_sizes(pg)[slot] == KMALLOC_SLOT_FREE)
        kmalloc_bad_pointer(ptr);
    return slot;
}

/* kmalloc_free_small: return object PTR to its slab PG; give PG back to
 * the frame allocator when all its objects are free. */
static void kmalloc_free_small(struct kmalloc_page *pg, void *ptr)
{
    bool empty;
    spin_lock(&kmalloc_lock);
    size_t slot = kmalloc_slot_locked(pg, ptr);
    uint16_t *sizes = kmalloc_sizes(pg);
    kmalloc_usage.bytes_in_use -= sizes[slot];
    sizes[slot] = KMALLOC_SLOT_FREE;
#ifdef KERNEL_DEBUG
    memset(ptr, KMALLOC_POISON_FREE, kmalloc_class_size(pg->class_idx));
#endif
    *(void **)ptr = pg->free_list;
    pg->free_list = ptr;
    if (pg->nfree++ == 0)
        list_push_front(&kmalloc_partial[pg->class_idx], &pg->link);
    empty = pg->nfree == pg->nslots;
    if (empty) {
        list_remove(&pg->link);
        pg->magic = KMALLOC_MAGIC_DEAD;
        kmalloc_usage.pages_in_use--;
    }
    spin_unlock(&kmalloc_lock);
    if (empty)
        pmm_free_page(pg);
}

/* kmalloc_free_large: release the large block PTR whose run starts at PG. */
static void kmalloc_free_large(struct kmalloc_page *pg, void *ptr)
{
    if ((char *)ptr != (char *)pg + KMALLOC_HDR_SIZE)
        kmalloc_bad_pointer(ptr);
    size_t npages = pg->npages;
    pg->magic = KMALLOC_MAGIC_DEAD;
#ifdef KERNEL_DEBUG
    memset(ptr, KMALLOC_POISON_FREE, pg->size);
#endif
    spin_lock(&kmalloc_lock);
    kmalloc_usage.bytes_in_use -= pg->size;
    kmalloc_usage.pages_in_use -= npages;
    spin_unlock(&kmalloc_lock);
    pmm_free_contig(virt_to_phys(pg), npages);
}

/* kfree: release PTR (from kmalloc/kzalloc; NULL is ignored). Panics on a
 * pointer the heap did not hand out or one already freed. */
void kfree(void *ptr)
{
    if (!ptr)
        return;
    if (((uintptr_t)ptr & (KMALLOC_ALIGN - 1)) || ((uintptr_t)ptr & PAGE_MASK) == 0)
        kmalloc_bad_pointer(ptr);
    struct kmalloc_page *pg = (struct kmalloc_page *)PAGE_ROUND_DOWN((uintptr_t)ptr);
    if (pg->magic == KMALLOC_MAGIC_SMALL)
        kmalloc_free_small(pg, ptr);
    else if (pg->magic == KMALLOC_MAGIC_LARGE)
        kmalloc_free_large(pg, ptr);
    else
        kmalloc_bad_pointer(ptr);
}

/* kmalloc_get_stats: copy the current usage to OUT. */
void kmalloc_get_stats(struct kmalloc_stats *out)
{
    spin_lock(&kmalloc_lock);
    *out = kmalloc_usage;
    spin_unlock(&kmalloc_lock);
}
