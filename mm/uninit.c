/* Uninit pages. Every page is born uninit: it holds the type it will
 * become, that type's initializer and a loader with its aux. Its swap_in
 * runs on the first fault: it "transmutes" the page into its real type
 * (anon_initializer / file_backed_initializer install their operations)
 * and then fills the frame through the loader (lazy_load_segment for an
 * executable's pages) or with zeros. An uninit page never has a frame, so
 * it is never swapped out. */
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "mm/memlayout.h"
#include "mm/uninit.h"
#include "mm/vm.h"

static int uninit_initialize(struct page *page, void *kva);
static int uninit_swap_out(struct page *page);
static void uninit_destroy(struct page *page);
static int uninit_copy(struct spt *dst, struct page *src);

static const struct page_operations uninit_ops = {
    .type = VM_UNINIT,
    .swap_in = uninit_initialize,
    .swap_out = uninit_swap_out,
    .destroy = uninit_destroy,
    .copy = uninit_copy,
};

void uninit_new(struct page *page, uint64_t va, vm_initializer *init, enum vm_type type,
                struct vm_aux *aux, page_initializer *page_init)
{
    page->va = va;
    page->ops = &uninit_ops;
    page->frame = NULL;
    page->uninit = (struct uninit_page){
        .init = init,
        .aux = vm_aux_get(aux),
        .type = type,
        .page_init = page_init,
    };
}

void uninit_transmute(struct page *page)
{
    struct vm_aux *aux = page->uninit.aux;
    page->uninit.page_init(page, page->uninit.type, NULL);
    vm_aux_put(aux);
}

/* uninit_initialize: the first fault: transmute PAGE, then fill KVA. The
 * new type takes its own reference to the aux if it keeps it. */
static int uninit_initialize(struct page *page, void *kva)
{
    struct uninit_page u = page->uninit;
    u.page_init(page, u.type, kva);
    int err = ERR_OK;
    if (u.init) {
        err = u.init(page, kva, u.aux);
    } else {
        vm_count(VM_STAT_FAULT_ZERO);
        memset(kva, 0, PAGE_SIZE);
    }
    vm_aux_put(u.aux);
    return err;
}

static int uninit_swap_out(struct page *page)
{
    panic("uninit_swap_out: uninit page 0x%lx has a frame", page->va);
}

static void uninit_destroy(struct page *page)
{
    vm_aux_put(page->uninit.aux);
}

/* uninit_copy: the child gets the same promise (with the child's own
 * aux, e.g. its copy of a mapping); a page of a range is left to the
 * child's copy of the range. */
static int uninit_copy(struct spt *dst, struct page *src)
{
    if (src->from_range)
        return ERR_OK;
    struct uninit_page *u = &src->uninit;
    struct vm_aux *aux = vm_aux_for_child(u->aux, dst);
    if (u->aux && !aux)
        return ERR_NO_MEMORY;
    return vm_alloc_page_with_initializer(dst, u->type | (src->executable ? VM_EXECUTABLE : 0),
                                          src->va, src->writable, u->init, aux);
}
