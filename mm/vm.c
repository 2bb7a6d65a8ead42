/* The fault path and the life of a page (see vm.h).
 *
 * vm_try_handle_fault sorts a decoded fault by the state of the page:
 *   - no page registered: stack growth if the address is at or above
 *     rsp - 8 (ABI.md; a push faults 8 bytes below rsp) and within
 *     USER_STACK_LIMIT below USER_STACK, else a bad address;
 *   - a page that does not allow the access (write to read-only, a
 *     present page: protection): the process is at fault;
 *   - a page without a frame (uninit, evicted): vm_do_claim_page.
 * vm_do_claim_page marks the page busy, gets a frame (evicting another
 * page if needed), fills it with no lock held (swap_in: the initializer of
 * an uninit page, the swap slot of an anonymous one, the file of a file
 * page), then maps it: writable only if the page is, NX unless it is
 * executable. */
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/anon.h"
#include "mm/file_page.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/swap.h"
#include "mm/uninit.h"
#include "mm/vm.h"

#define STACK_PUSH_SLACK 8 /* bytes below rsp a push may touch (ABI.md) */

static uint64_t vm_stats[VM_STAT_COUNT];

static const char *const vm_stat_names[VM_STAT_COUNT] = {
    [VM_STAT_FAULT_FILE] = "file",       [VM_STAT_FAULT_MMAP] = "mmap",
    [VM_STAT_FAULT_ZERO] = "zero",
    [VM_STAT_FAULT_STACK] = "stack",     [VM_STAT_FAULT_SWAP_IN] = "swap-in",
    [VM_STAT_EVICTION] = "evictions",    [VM_STAT_SWAP_READ] = "swap-reads",
    [VM_STAT_SWAP_WRITE] = "swap-writes",   [VM_STAT_SWAP_READ_IO] = "read-requests",
    [VM_STAT_SWAP_WRITE_IO] = "write-requests", [VM_STAT_WRITE_BACK] = "write-backs",
};

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
        printf("%s %s %lu", s == VM_STAT_EVICTION ? ";" : "", vm_stat_names[s], vm_stats[s]);
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
    return PTE_USER | (page->writable ? PTE_WRITABLE : 0) | (page->executable ? 0 : PTE_NX);
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

/* claim: the body of vm_do_claim_page with FILL(page, kva, ARG). */
static int claim(struct page *page, fill_fn *fill, void *arg)
{
    int err = ERR_OK;
    frame_lock_acquire();
    while (page->busy)
        frame_wait_locked();
    if (page->frame)
        goto out; /* resident already */
    page->busy = true;
    struct frame *f = vm_get_frame(&err);
    if (!f)
        goto out_idle;
    f->page = page;
    page->frame = f;
    frame_lock_release();
    err = fill(page, f->kva, arg);
    frame_lock_acquire();
    if (err == ERR_OK)
        err = vm_page_map(page);
    if (err < 0) {
        page->frame = NULL;
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

int vm_copy_contents(struct spt *dst, struct page *src, vm_initializer *init, struct vm_aux *aux)
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
    return vm_claim_copy(page, src);
}

/* vm_dealloc_page: the page is made busy and, if resident, unmapped with
 * its frame pinned, so that destroy can still read the frame (write-back)
 * with no lock held; the frame is freed after. */
void vm_dealloc_page(struct page *page)
{
    frame_lock_acquire();
    while (page->busy)
        frame_wait_locked();
    page->busy = true;
    if (page->frame) {
        vm_page_unmap(page);
        page->frame->pinned = true;
    }
    frame_lock_release();
    destroy(page);
    if (page->frame) {
        frame_lock_acquire();
        frame_free_locked(page->frame);
        frame_lock_release();
    }
    kfree(page);
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
    if (f->present)
        return VM_FAULT_PROTECTION;
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
