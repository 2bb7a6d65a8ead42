/* The fault path and the life of a page (see vm.h).
 *
 * vm_try_handle_fault sorts a decoded fault by the state of the page:
 *   - no page registered: stack growth if the address is at or above
 *     rsp - 8 (ABI.md; a push faults 8 bytes below rsp) and within
 *     USER_STACK_LIMIT below USER_STACK, else a bad address;
 *   - a write to a present page mapped read-only because fork shared it
 *     (page->cow): copy-on-write (cow_fault): the page gets a frame of
 *     its own holding a copy, or, when no other page maps its frame any
 *     more, the frame is simply made writable;
 *   - any other access the page does not allow (write to read-only,
 *     execution of a NX page, other present faults: protection): the
 *     process is at fault;
 *   - a page without a frame (uninit, evicted): vm_do_claim_page.
 * vm_do_claim_page marks the page busy, gets a frame (evicting another
 * page if needed), fills it with no lock held (swap_in: the initializer of
 * an uninit page, the swap slot of an anonymous one, the file of a file
 * page), then maps it: writable only if the page is, NX unless it is
 * executable (read-only while shared copy-on-write). A page whose swap
 * slot other pages share maps the frame already read from that slot for
 * them, if any (the swap cache, frame.h), instead of reading it again. */
#include "fs/file.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/anon.h"
#include "mm/file_page.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/page_cache.h"
#include "mm/swap.h"
#include "mm/uninit.h"
#include "mm/vm.h"

#define STACK_PUSH_SLACK 8 /* bytes below rsp a push may touch (ABI.md) */

static uint64_t vm_stats[VM_STAT_COUNT];

static const char *const vm_stat_names[VM_STAT_COUNT] = {
    [VM_STAT_FAULT_FILE] = "file",
    [VM_STAT_FAULT_MMAP] = "mmap",
    [VM_STAT_FAULT_ZERO] = "zero",
    [VM_STAT_FAULT_STACK] = "stack",
    [VM_STAT_FAULT_SWAP_IN] = "swap-in",
    [VM_STAT_EVICTION] = "evictions",
    [VM_STAT_SWAP_READ] = "swap-reads",
    [VM_STAT_SWAP_WRITE] = "swap-writes",
    [VM_STAT_SWAP_READ_IO] = "read-requests",
    [VM_STAT_SWAP_WRITE_IO] = "write-requests",
    [VM_STAT_WRITE_BACK] = "write-backs",
    [VM_STAT_COW_COPY] = "cow-copies",
    [VM_STAT_COW_REUSE] = "cow-reuses",
    [VM_STAT_SHARED_MAP] = "shared-maps",
    [VM_STAT_PC_HIT] = "hits",
    [VM_STAT_PC_MISS] = "misses",
    [VM_STAT_PC_READAHEAD] = "read-ahead",
    [VM_STAT_PC_ASYNC] = "async",
    [VM_STAT_PC_WRITE_BACK] = "written",
};

/* vm_stat_group: what the printed line puts before counter S: the title
 * of the group S opens, or nothing. */
static const char *vm_stat_group(int s)
{
    switch (s) {
    case VM_STAT_EVICTION:
    case VM_STAT_COW_COPY: return ";";
    case VM_STAT_PC_HIT: return "; page cache:";
    default: return "";
    }
}

/* The type initializer of each page type an uninit page may become. */
static page_initializer *const type_initializers[] = {
    [VM_ANON] = anon_initializer,
    [VM_FILE] = file_backed_initializer,
};

void vm_init(void)
{
    frame_init();
    swap_init();
}

void vm_count(enum vm_stat s)
{
    __atomic_add_fetch(&vm_stats[s], 1, __ATOMIC_RELAXED);
}

void vm_stats_print(void)
{
    printf("vm: faults");
    for (int s = 0; s < VM_STAT_COUNT; s++)
        printf("%s %s %lu", vm_stat_group(s), vm_stat_names[s], vm_stats[s]);
    printf("\n");
}

struct vm_aux *vm_aux_get(struct vm_aux *aux)
{
    if (aux)
        __atomic_add_fetch(&aux->refs, 1, __ATOMIC_RELAXED);
    return aux;
}

void vm_aux_put(struct vm_aux *aux)
{
    if (aux && __atomic_sub_fetch(&aux->refs, 1, __ATOMIC_ACQ_REL) == 0)
        aux->release(aux);
}

struct vm_aux *vm_aux_for_child(struct vm_aux *aux, struct spt *dst)
{
    return aux && aux->for_child ? aux->for_child(aux, dst) : aux;
}

bool vm_aux_share_key(const struct page *page, struct vm_aux *aux, struct frame_key *key)
{
    return !page->writable && aux && aux->share_key && aux->share_key(page, aux, key);
}

struct page *vm_page_new(struct spt *spt, int type, uint64_t va, bool writable,
                         vm_initializer *init, struct vm_aux *aux)
{
    enum vm_type t = VM_TYPE(type);
    ASSERT((t == VM_ANON || t == VM_FILE) && (va & PAGE_MASK) == 0 && va < USER_TOP);
    ASSERT(t != VM_FILE || init); /* a file page reads itself again with INIT */
    struct page *page = kmalloc(sizeof *page);
    if (!page)
        return NULL;
    *page = (struct page){.spt = spt, .writable = writable, .executable = type & VM_EXECUTABLE};
    uninit_new(page, va, init, t, aux, type_initializers[t]);
    return page;
}

int vm_alloc_page_with_initializer(struct spt *spt, int type, uint64_t va, bool writable,
                                   vm_initializer *init, struct vm_aux *aux)
{
    if (spt_registered(spt, va))
        return ERR_EXISTS;
    struct page *page = vm_page_new(spt, type, va, writable, init, aux);
    if (!page)
        return ERR_NO_MEMORY;
    if (!spt_insert_page(spt, page)) {
        vm_dealloc_page(page);
        return ERR_EXISTS;
    }
    return ERR_OK;
}

/* PTE access for the frame table: the only place that turns a page into
 * PTE bits. Callers hold frame_lock. */
static uint64_t page_pte_flags(const struct page *page)
{
    bool writable = page->writable && !page->cow;
    return PTE_USER | (writable ? PTE_WRITABLE : 0) | (page->executable ? 0 : PTE_NX);
}

int vm_page_map(struct page *page)
{
    return pt_map(page->spt->pml4, page->va, virt_to_phys(page->frame->kva), page_pte_flags(page));
}

void vm_page_unmap(struct page *page)
{
    if (pt_unmap_dirty(page->spt->pml4, page->va))
        page->dirty = true;
}

bool vm_page_test_and_clear_accessed(struct page *page)
{
    return pt_test_and_clear_accessed(page->spt->pml4, page->va);
}

bool vm_page_is_dirty(struct page *page)
{
    return page->dirty || pt_is_dirty(page->spt->pml4, page->va);
}

/* A way to fill a frame being claimed: swap_in, or a copy for fork. */
typedef int fill_fn(struct page *page, void *kva, void *arg);
static int fill_swap_in(struct page *page, void *kva, void *arg);

/* page_share_key: whether other pages may read what PAGE reads (its
 * key in *KEY: a shared swap slot, an executable's text page). */
static bool page_share_key(const struct page *page, struct frame_key *key)
{
    return page->ops->share_key && page->ops->share_key(page, key);
}

/* cached_frame_locked: the frame of the shared-frame cache holding what
 * PAGE would read, or NULL (PAGE has no key now, or nothing is cached
 * under it). frame_lock held. */
static struct frame *cached_frame_locked(const struct page *page)
{
    struct frame_key key;
    return page_share_key(page, &key) ? frame_cache_find_locked(&key) : NULL;
}

/* claim_cached_locked: PAGE (not resident, not busy) would read what a
 * frame of the shared-frame cache holds already (frame.h: a swap slot
 * fork shared, a text page of a running executable): PAGE maps that frame
 * too, read-only (cow if writable), and nothing is read. An uninit page
 * transmutes on the way (this cannot release its aux: the page keeps a
 * reference). Returns whether there was such a frame (*ERR: ERR_OK, or
 * ERR_NO_MEMORY when PAGE's table could not map it). Waits while that
 * frame is pinned (being filled, evicted or freed). frame_lock held. */
static bool claim_cached_locked(struct page *page, int *err)
{
    struct frame *f = cached_frame_locked(page);
    for (; f && f->pinned; f = cached_frame_locked(page))
        frame_wait_locked(); /* the key may be gone when it wakes: look again */
    if (!f)
        return false;
    if (page_type(page) == VM_UNINIT)
        uninit_transmute(page);
    frame_add_page_locked(f, page);
    page->cow = page->writable;
    page->dirty = false;
    *err = vm_page_map(page);
    if (*err < 0) {
        frame_remove_page_locked(page);
        page->cow = false;
    } else {
        vm_count(VM_STAT_SHARED_MAP);
    }
    return true;
}

/* cache_for_others_locked: PAGE's new frame (pinned, not filled yet) is
 * about to be read with what other pages would read too (a swap slot
 * fork shared, a text page): the frame joins the shared-frame cache at
 * once, so that they wait for this read and map the same frame
 * (claim_cached_locked), and PAGE will be mapped read-only (cow if
 * writable) so that the frame stays what they would read. frame_lock
 * held. */
static void cache_for_others_locked(struct page *page)
{
    struct frame_key key;
    if (!page_share_key(page, &key) || frame_cache_find_locked(&key))
        return;
    frame_cache_add_locked(page->frame, &key);
    page->cow = page->writable;
}

/* page_aux: the aux of PAGE's file contents (an uninit page that will be
 * a file page, or a file page), or NULL. */
static struct vm_aux *page_aux(const struct page *page)
{
    if (page_type(page) == VM_UNINIT)
        return page->uninit.type == VM_FILE ? page->uninit.aux : NULL;
    return page_type(page) == VM_FILE ? page->file.aux : NULL;
}

/* cache_source: whether PAGE (not resident) may map the page-cache page
 * of its bytes (vm_aux.cache_source), and which one in *SRC. */
static bool cache_source(const struct page *page, struct vm_cache_source *src)
{
    struct vm_aux *aux = page_aux(page);
    return aux && aux->cache_source && aux->cache_source(page, aux, src);
}

/* map_cache_frame_locked: PAGE (not resident) maps F, the page-cache
 * page SRC names: F joins PAGE's reverse map and stays in the cache (an
 * uninit page transmutes on the way). ERR_OK, or ERR_NO_MEMORY (PAGE's
 * table could not map it: PAGE is left as it was). frame_lock held. */
static int map_cache_frame_locked(struct page *page, struct frame *f,
                                  const struct vm_cache_source *src)
{
    if (page_type(page) == VM_UNINIT)
        uninit_transmute(page);
    frame_add_page_locked(f, page);
    frame_touch_locked(f);
    page->dirty = false;
    int err = vm_page_map(page);
    if (err < 0)
        frame_remove_page_locked(page);
    else
        vm_count(src->stat);
    return err;
}

/* claim_page_cache_hit_locked: PAGE (not resident, not busy) maps SRC,
 * the page-cache page of its bytes, if that is cached, up to date and not
 * in use: the fast path of a fault on a mapped file or on text, in one
 * hold of frame_lock. Returns whether it did (*ERR as
 * map_cache_frame_locked's). frame_lock held. */
static bool claim_page_cache_hit_locked(struct page *page, const struct vm_cache_source *src,
                                        int *err)
{
    struct frame *f = file_find_page_locked(src->file, src->offset);
    if (!f)
        return false;
    *err = map_cache_frame_locked(page, f, src);
    return true;
}

/* claim_page_cache: PAGE (busy, not resident; no lock held) maps SRC, the
 * page-cache page of its bytes, read from the disk if need be
 * (file_get_page). Returns whether it did (*ERR: ERR_OK, or the error of
 * getting the page or mapping it); false when PAGE is to be filled as a
 * copy instead (the page is not wholly inside the file). */
static bool claim_page_cache(struct page *page, const struct vm_cache_source *src, int *err)
{
    struct frame *f;
    if ((*err = file_get_page(src->file, src->offset, &f)) == ERR_NOT_FOUND)
        return false;
    if (*err < 0)
        return true;
    frame_lock_acquire();
    *err = map_cache_frame_locked(page, f, src);
    page_cache_put_locked(f);
    frame_lock_release();
    return true;
}

/* claim: the body of vm_do_claim_page with FILL(page, kva, ARG). */
static int claim(struct page *page, fill_fn *fill, void *arg)
{
    int err = ERR_OK;
    frame_lock_acquire();
    while (page->busy)
        frame_wait_locked();
    if (page->frame || claim_cached_locked(page, &err))
        goto out; /* resident already, or shares a frame read for others */
    struct vm_cache_source src;
    bool from_cache = fill == fill_swap_in && cache_source(page, &src);
    if (from_cache && claim_page_cache_hit_locked(page, &src, &err))
        goto out; /* a mapped file's or text's page, cached already */
    page->busy = true;
    if (from_cache) {
        frame_lock_release();
        bool done = claim_page_cache(page, &src, &err);
        frame_lock_acquire();
        if (done)
            goto out_idle;
    }
    struct frame *f = vm_get_frame(&err);
    if (!f)
        goto out_idle;
    frame_add_page_locked(f, page);
    cache_for_others_locked(page); /* a copy (fork) has no key: never cached */
    frame_lock_release();
    err = fill(page, f->kva, arg);
    frame_lock_acquire();
    if (err == ERR_OK)
        err = vm_page_map(page);
    if (err < 0) {
        frame_remove_page_locked(page);
        frame_free_locked(f);
    } else {
        f->pinned = false; /* mapped: it may be a victim now */
    }
out_idle:
    page->busy = false;
    frame_wake_locked(); /* the page and (if kept) its frame are free to others */
out:
    frame_lock_release();
    return err;
}

static int fill_swap_in(struct page *page, void *kva, void *arg)
{
    return swap_in(page, kva);
}

int vm_do_claim_page(struct page *page)
{
    return claim(page, fill_swap_in, NULL);
}

int vm_claim_page(struct spt *spt, uint64_t va)
{
    struct page *page = spt_find_page(spt, va);
    return page ? vm_do_claim_page(page) : ERR_NOT_FOUND;
}

/* fill_copy: the contents of page ARG (the current process's) into KVA:
 * from its frame (under frame_lock, so it cannot be evicted meanwhile) or,
 * when it has none, through its own swap_in into KVA (its slot or file
 * cannot change: only this thread could fault it in). The copy exists
 * nowhere else: PAGE is dirty. */
static int fill_copy(struct page *page, void *kva, void *arg)
{
    struct page *src = arg;
    page->dirty = true;
    frame_lock_acquire();
    while (src->busy)
        frame_wait_locked();
    if (src->frame) {
        memcpy(kva, src->frame->kva, PAGE_SIZE);
        frame_lock_release();
        return ERR_OK;
    }
    frame_lock_release();
    bool dirty = src->dirty;
    int err = swap_in(src, kva);
    src->dirty = dirty;
    return err;
}

int vm_claim_copy(struct page *page, struct page *src)
{
    return claim(page, fill_copy, src);
}

int vm_copy_page(struct spt *dst, struct page *src)
{
    return src->ops->copy(dst, src);
}

/* child_page_new: a page of SRC's type (transmuted already, with INIT
 * and AUX for a file page) at SRC's address in DST, fork's child, not
 * resident, in *PAGE. ERR_NO_MEMORY, ERR_EXISTS. */
static int child_page_new(struct spt *dst, struct page *src, vm_initializer *init,
                          struct vm_aux *aux, struct page **out)
{
    int type = page_type(src) | (src->executable ? VM_EXECUTABLE : 0);
    struct page *page = vm_page_new(dst, type, src->va, src->writable, init, aux);
    if (!page)
        return ERR_NO_MEMORY;
    uninit_transmute(page);
    if (!spt_insert_page(dst, page)) {
        vm_dealloc_page(page);
        return ERR_EXISTS;
    }
    *out = page;
    return ERR_OK;
}

int vm_copy_contents(struct spt *dst, struct page *src, vm_initializer *init, struct vm_aux *aux)
{
    struct page *page;
    int err = child_page_new(dst, src, init, aux, &page);
    return err < 0 ? err : vm_claim_copy(page, src);
}

/* share_locked: PAGE (new, of a forked child, not resident) shares the
 * contents of SRC (not busy): its frame, mapped read-only in both when
 * the page is writable (cow), and what the type keeps (ops->share).
 * frame_lock held. ERR_NO_MEMORY (PAGE's table could not map it: PAGE
 * is left as it was). */
static int share_locked(struct page *page, struct page *src)
{
    bool cow = src->writable;
    if (src->frame) {
        frame_add_page_locked(src->frame, page);
        page->cow = cow;
        int err = vm_page_map(page);
        if (err < 0) {
            frame_remove_page_locked(page);
            page->cow = false;
            return err;
        }
        if (cow && !src->cow)
            src->dirty |= pt_write_protect(src->spt->pml4, src->va);
        else
            src->dirty = vm_page_is_dirty(src);
    }
    page->cow = src->cow = cow;
    page->dirty = src->dirty;
    if (page->ops->share)
        page->ops->share(page, src);
    return ERR_OK;
}

int vm_share_page(struct spt *dst, struct page *src, vm_initializer *init, struct vm_aux *aux)
{
    struct page *page;
    int err = child_page_new(dst, src, init, aux, &page);
    if (err < 0)
        return err;
    frame_lock_acquire();
    while (src->busy)
        frame_wait_locked();
    err = share_locked(page, src);
    frame_lock_release();
    return err;
}

/* make_private_locked: PAGE (cow, resident, mapped read-only) is the last
 * sharer of its frame: writable (so the frame leaves the swap cache: it
 * will differ from the slot). Its PTE maps the frame already: only its
 * writable bit is set, in place (mapped anew if it were not present).
 * frame_lock held. ERR_NO_MEMORY (PAGE's table could not map it). */
static int make_private_locked(struct page *page)
{
    frame_cache_drop_locked(page->frame);
    page->cow = false;
    if (pt_set_writable(page->spt->pml4, page->va))
        return ERR_OK;
    return vm_page_map(page);
}

/* cow_copy_locked: PAGE (cow, resident, not busy) leaves the frame it
 * shares for a new one holding a copy, which it alone maps, writable. The
 * copy is dirty and the page gives up the swap copy it shared (drop_copy).
 * PAGE is busy meanwhile, so its old frame is no victim (vm_get_frame may
 * drop frame_lock to evict), nor a frame to wait for: when it is the only
 * one that could be evicted, the copy fails. frame_lock held.
 * ERR_NO_MEMORY, ERR_IO (no frame: PAGE stays shared). */
static int cow_copy_locked(struct page *page)
{
    int err;
    page->busy = true;
    struct frame *new = vm_get_frame_except(page->frame, &err);
    if (new) {
        struct frame *old = page->frame;
        memcpy(new->kva, old->kva, PAGE_SIZE);
        /* PAGE's PTE still maps OLD (read-only) until NEW, writable, is
         * mapped over it: frame_lock is held throughout, so nobody can
         * evict or free OLD meanwhile; the PTE's dirty bit is of no use
         * (the copy is dirty, and fork gave OLD's other pages PAGE's) */
        if (frame_remove_page_locked(page) == 0)
            frame_free_locked(old); /* its other pages went meanwhile */
        frame_add_page_locked(new, page);
        if (page->ops->drop_copy)
            page->ops->drop_copy(page);
        page->dirty = true;
        new->pinned = false;
        page->cow = false; /* NEW is in no cache: never shared */
        err = vm_page_map(page);
        vm_count(VM_STAT_COW_COPY);
    }
    page->busy = false;
    frame_wake_locked();
    return err;
}

/* cow_fault: a write to PAGE, present but mapped read-only: if PAGE is
 * cow, it gets its own copy (its frame is shared) or just write access
 * (it is not); a page evicted meanwhile is claimed again (the write then
 * faults once more). Owner thread; no lock held. ERR_NO_MEMORY, ERR_IO. */
static int cow_fault(struct page *page)
{
    frame_lock_acquire();
    while (page->busy)
        frame_wait_locked();
    int err = ERR_OK;
    if (!page->frame) {
        frame_lock_release();
        return vm_do_claim_page(page);
    }
    if (page->frame->refs > 1 && page->cow) {
        err = cow_copy_locked(page);
    } else {
        if (page->cow)
            vm_count(VM_STAT_COW_REUSE);
        err = make_private_locked(page);
    }
    frame_lock_release();
    return err;
}

bool vm_take_dirty(struct page *page, void *dst)
{
    frame_lock_acquire();
    bool take = page->frame && !page->busy && !page->frame->pc && vm_page_is_dirty(page);
    if (take) {
        vm_page_unmap(page);
        memcpy(dst, page->frame->kva, PAGE_SIZE);
        page->dirty = false;
    }
    frame_lock_release();
    return take;
}

/* dealloc_anon_locked: PAGE (anonymous, waited for: not busy) is made
 * busy and, if resident, unmapped and off its frame at once (destroy never
 * reads an anonymous page's frame), which is freed if no other page maps
 * it; the frame leaves the swap cache first (destroy may free the slot it
 * is cached under). frame_lock held. */
static void dealloc_anon_locked(struct page *page)
{
    page->busy = true;
    struct frame *f = page->frame;
    if (!f)
        return;
    vm_page_unmap(page);
    frame_cache_drop_locked(f);
    if (frame_remove_page_locked(page) == 0 && !f->pc)
        frame_free_locked(f); /* a page-cache frame stays cached */
}

/* vm_dealloc_page: an anonymous page goes as vm_dealloc_anon_pages's
 * (its type cannot change meanwhile: only its owner, tearing it down,
 * could claim it). Any other page is made busy and, if resident, unmapped,
 * and keeps its frame while destroy runs with no lock held, so that
 * destroy can still read it (write-back): the frame is no victim
 * meanwhile (a page of it is busy; a frame it alone maps is pinned too);
 * then the page leaves the frame, which is freed if no other page maps
 * it. */
void vm_dealloc_page(struct page *page)
{
    if (page->ops->swap_backed) {
        vm_dealloc_anon_pages(&page, 1);
        return;
    }
    frame_lock_acquire();
    while (page->busy)
        frame_wait_locked();
    page->busy = true;
    struct frame *f = page->frame;
    if (f) {
        vm_page_unmap(page);
        if (f->refs == 1 && !f->pc)
            f->pinned = true;
    }
    frame_lock_release();
    destroy(page);
    if (page->frame) {
        frame_lock_acquire();
        struct frame *f = page->frame;
        if (frame_remove_page_locked(page) == 0 && !f->pc)
            frame_free_locked(f); /* a page-cache frame stays cached */
        frame_lock_release();
    }
    kfree(page);
}

void vm_dealloc_anon_pages(struct page **pages, size_t n)
{
    frame_lock_acquire();
    for (size_t i = 0; i < n; i++) {
        ASSERT(pages[i]->ops->swap_backed);
        while (pages[i]->busy)
            frame_wait_locked();
        dealloc_anon_locked(pages[i]);
    }
    frame_lock_release();
    for (size_t i = 0; i < n; i++) {
        destroy(pages[i]);
        kfree(pages[i]);
    }
}

/* is_stack_growth: whether a fault at F->addr with no page may grow the
 * stack (see the file comment). */
static bool is_stack_growth(const struct vm_fault *f)
{
    return f->addr < USER_STACK && f->addr >= USER_STACK - USER_STACK_LIMIT &&
           f->addr + STACK_PUSH_SLACK >= f->rsp;
}

/* vm_stack_growth: a new zero stack page at ADDR's page, claimed. */
static int vm_stack_growth(struct spt *spt, uint64_t addr)
{
    struct page *page = vm_page_new(spt, VM_ANON, PAGE_ROUND_DOWN(addr), true, NULL, NULL);
    if (!page)
        return ERR_NO_MEMORY;
    if (!spt_insert_page(spt, page)) {
        vm_dealloc_page(page);
        return ERR_EXISTS;
    }
    vm_count(VM_STAT_FAULT_STACK);
    return vm_do_claim_page(page);
}

/* fault_result: the vm_fault_result of a claim's error code. */
static enum vm_fault_result fault_result(int err)
{
    if (err == ERR_OK)
        return VM_FAULT_RESOLVED;
    return err == ERR_IO ? VM_FAULT_IO : VM_FAULT_NO_MEMORY;
}

enum vm_fault_result vm_try_handle_fault(struct spt *spt, const struct vm_fault *f)
{
    if (!spt || f->addr >= USER_TOP)
        return VM_FAULT_UNMAPPED;
    if (f->present) {
        struct page *page = f->write ? spt_lookup_page(spt, f->addr) : NULL;
        if (!page || !page->writable)
            return VM_FAULT_PROTECTION;
        return fault_result(cow_fault(page));
    }
    struct page *page = spt_find_page(spt, f->addr);
    if (!page) {
        if (!is_stack_growth(f))
            return VM_FAULT_UNMAPPED;
        return fault_result(vm_stack_growth(spt, f->addr));
    }
    if ((f->write && !page->writable) || (f->fetch && !page->executable))
        return VM_FAULT_PROTECTION;
    return fault_result(vm_do_claim_page(page));
}

void *vm_user_frame(struct spt *spt, uint64_t va)
{
    void *kva = NULL;
    frame_lock_acquire();
    struct page *page = spt_lookup_page(spt, va);
    if (page && page->frame && !page->busy)
        kva = page->frame->kva;
    frame_lock_release();
    return kva;
}
