/* The supplemental page table (see spt.h). */
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/mmap.h"
#include "mm/spt.h"
#include "mm/vm.h"

static uint64_t page_hash(const struct hash_node *n)
{
    return hash_u64(hash_entry(n, struct page, node)->va);
}

static bool page_eq(const struct hash_node *a, const struct hash_node *b)
{
    return hash_entry(a, struct page, node)->va == hash_entry(b, struct page, node)->va;
}

int spt_init(struct spt *spt)
{
    spt->pml4 = pt_create();
    if (!spt->pml4)
        return ERR_NO_MEMORY;
    hash_init(&spt->pages, page_hash, page_eq);
    list_init(&spt->ranges);
    list_init(&spt->mmaps);
    return ERR_OK;
}

struct spt *spt_create(void)
{
    struct spt *spt = kmalloc(sizeof *spt);
    if (spt && spt_init(spt) < 0) {
        kfree(spt);
        spt = NULL;
    }
    return spt;
}

void spt_free(struct spt *spt)
{
    if (!spt)
        return;
    spt_kill(spt);
    kfree(spt);
}

/* range_at: the range holding VA, or NULL. */
static struct spt_range *range_at(const struct spt *spt, uint64_t va)
{
    list_for_each(n, &spt->ranges)
    {
        struct spt_range *r = list_entry(n, struct spt_range, node);
        if (va >= r->start && va < r->end)
            return r;
    }
    return NULL;
}

struct page *spt_lookup_page(const struct spt *spt, uint64_t va)
{
    struct page key = {.va = PAGE_ROUND_DOWN(va)};
    struct hash_node *n = hash_find(&spt->pages, &key.node);
    return n ? hash_entry(n, struct page, node) : NULL;
}

/* page_from_range: the page at VA of range R, made now. */
static struct page *page_from_range(struct spt *spt, struct spt_range *r, uint64_t va)
{
    struct page *page = vm_page_new(spt, r->type, va, r->writable, r->init, r->aux);
    if (!page)
        return NULL;
    page->from_range = true;
    hash_insert(&spt->pages, &page->node);
    return page;
}

struct page *spt_find_page(struct spt *spt, uint64_t va)
{
    va = PAGE_ROUND_DOWN(va);
    struct page *page = spt_lookup_page(spt, va);
    if (page)
        return page;
    struct spt_range *r = range_at(spt, va);
    return r ? page_from_range(spt, r, va) : NULL;
}

bool spt_registered(const struct spt *spt, uint64_t va)
{
    return spt_lookup_page(spt, va) || range_at(spt, PAGE_ROUND_DOWN(va));
}

bool spt_insert_page(struct spt *spt, struct page *page)
{
    return hash_insert(&spt->pages, &page->node) == NULL;
}

void spt_remove_page(struct spt *spt, struct page *page)
{
    hash_remove(&spt->pages, &page->node);
    vm_dealloc_page(page);
}

/* remove_ranges: free the ranges of SPT inside [START, END). */
static void remove_ranges(struct spt *spt, uint64_t start, uint64_t end)
{
    list_for_each_safe(n, tmp, &spt->ranges)
    {
        struct spt_range *r = list_entry(n, struct spt_range, node);
        if (r->start >= start && r->end <= end) {
            list_remove(&r->node);
            vm_aux_put(r->aux);
            kfree(r);
        }
    }
}

void spt_remove_span(struct spt *spt, uint64_t start, uint64_t end)
{
    remove_ranges(spt, start, end);
    if ((end - start) / PAGE_SIZE <= hash_size(&spt->pages)) {
        for (uint64_t va = start; va < end; va += PAGE_SIZE) {
            struct page *page = spt_lookup_page(spt, va);
            if (page)
                spt_remove_page(spt, page);
        }
        return;
    }
    struct hash_iter it; /* a span larger than the table: walk the table */
    for (struct hash_node *n = hash_first(&it, &spt->pages); n; n = hash_next(&it)) {
        struct page *page = hash_entry(n, struct page, node);
        if (page->va >= start && page->va < end) {
            hash_iter_remove(&it);
            vm_dealloc_page(page);
        }
    }
}

bool spt_covers(const struct spt *spt, uint64_t start, uint64_t end)
{
    list_for_each(n, &spt->ranges)
    {
        struct spt_range *r = list_entry(n, struct spt_range, node);
        if (r->start < end && start < r->end)
            return true;
    }
    struct hash_iter it;
    for (struct hash_node *n = hash_first(&it, (struct hash *)&spt->pages); n; n = hash_next(&it)) {
        uint64_t va = hash_entry(n, struct page, node)->va;
        if (va < end && start < va + PAGE_SIZE)
            return true;
    }
    return false;
}

int spt_add_range(struct spt *spt, uint64_t start, uint64_t end, int type, bool writable,
                  vm_initializer *init, struct vm_aux *aux)
{
    if (start >= end || spt_covers(spt, start, end))
        return ERR_INVALID;
    struct spt_range *r = kmalloc(sizeof *r);
    if (!r)
        return ERR_NO_MEMORY;
    *r = (struct spt_range){.start = start,
                            .end = end,
                            .type = type,
                            .writable = writable,
                            .init = init,
                            .aux = vm_aux_get(aux)};
    list_push_back(&spt->ranges, &r->node);
    return ERR_OK;
}

/* hot_stack_page: whether PAGE is an anonymous page that holds part of
 * [USER_RSP - SPT_FORK_HOT_STACK, USER_RSP] (see spt_copy). */
static bool hot_stack_page(const struct page *page, uint64_t user_rsp)
{
    uint64_t low = PAGE_ROUND_DOWN(user_rsp - SPT_FORK_HOT_STACK);
    return page_type(page) == VM_ANON && page->va >= low && page->va <= user_rsp;
}

int spt_copy(struct spt *dst, struct spt *src, uint64_t user_rsp)
{
    int err = mmap_copy(dst, src);
    if (err < 0)
        return err;
    list_for_each(n, &src->ranges)
    {
        struct spt_range *r = list_entry(n, struct spt_range, node);
        struct vm_aux *aux = vm_aux_for_child(r->aux, dst);
        if (r->aux && !aux)
            return ERR_NO_MEMORY;
        err = spt_add_range(dst, r->start, r->end, r->type, r->writable, r->init, aux);
        if (err < 0)
            return err;
    }
    struct hash_iter it;
    for (struct hash_node *n = hash_first(&it, &src->pages); n; n = hash_next(&it)) {
        struct page *page = hash_entry(n, struct page, node);
        if (hot_stack_page(page, user_rsp))
            err = vm_copy_contents(dst, page, NULL, NULL);
        else
            err = vm_copy_page(dst, page);
        if (err < 0)
            return err;
    }
    return ERR_OK;
}

#define SPT_KILL_BATCH 32 /* anonymous pages given back per hold of frame_lock */

/* kill_pages: free every page of SPT: anonymous ones SPT_KILL_BATCH at a
 * time (vm_dealloc_anon_pages: one frame_lock round trip per batch, not
 * per page), the others one by one (vm_dealloc_page: a file page's
 * destroy runs without frame_lock, its frame pinned meanwhile); then the
 * table's buckets. */
static void kill_pages(struct spt *spt)
{
    struct page *batch[SPT_KILL_BATCH];
    size_t n = 0;
    struct hash_iter it;
    for (struct hash_node *node = hash_first(&it, &spt->pages); node; node = hash_next(&it)) {
        struct page *page = hash_entry(node, struct page, node);
        hash_iter_remove(&it);
        if (!page->ops->swap_backed) {
            vm_dealloc_page(page);
            continue;
        }
        batch[n++] = page;
        if (n == SPT_KILL_BATCH) {
            vm_dealloc_anon_pages(batch, n);
            n = 0;
        }
    }
    vm_dealloc_anon_pages(batch, n);
    hash_destroy(&spt->pages, NULL);
}

void spt_kill(struct spt *spt)
{
    if (!spt->pml4)
        return;
    mmap_flush_all(spt); /* in runs, before the pages go one by one */
    frame_release_begin();
    kill_pages(spt);
    frame_release_end();
    struct list_node *n;
    while ((n = list_pop_front(&spt->ranges))) {
        struct spt_range *r = list_entry(n, struct spt_range, node);
        vm_aux_put(r->aux);
        kfree(r);
    }
    mmap_kill(spt);
    pt_destroy(spt->pml4);
    spt->pml4 = NULL;
}

size_t spt_page_count(const struct spt *spt)
{
    return hash_size(&spt->pages);
}
