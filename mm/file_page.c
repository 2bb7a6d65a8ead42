/* File pages (see file_page.h). The loader that filled the page on its
 * first fault (e.g. lazy_load_segment) is kept with its aux and simply run
 * again on every later swap_in. Writable file-backed pages (mmap) are not
 * here yet: a file page of an executable is read-only, so it is never
 * dirty and eviction never writes it. */
#include "kernel/errors.h"
#include "mm/file_page.h"
#include "mm/vm.h"

static int file_backed_swap_in(struct page *page, void *kva);
static int file_backed_swap_out(struct page *page);
static void file_backed_destroy(struct page *page);
static int file_backed_copy(struct spt *dst, struct page *src);

static const struct page_operations file_ops = {
    .type = VM_FILE,
    .swap_in = file_backed_swap_in,
    .swap_out = file_backed_swap_out,
    .destroy = file_backed_destroy,
    .copy = file_backed_copy,
};

void file_backed_initializer(struct page *page, enum vm_type type, void *kva)
{
    struct uninit_page u = page->uninit;
    page->ops = &file_ops;
    page->file.load = u.init;
    page->file.aux = vm_aux_get(u.aux);
    page->dirty = false;
}

static int file_backed_swap_in(struct page *page, void *kva)
{
    return page->file.load(page, kva, page->file.aux);
}

/* file_backed_swap_out: a clean page is dropped; nothing to write. */
static int file_backed_swap_out(struct page *page)
{
    return page->dirty ? ERR_UNSUPPORTED : ERR_OK;
}

static void file_backed_destroy(struct page *page)
{
    vm_aux_put(page->file.aux);
}

/* file_backed_copy: the child reads the page from the file itself when it
 * first touches it (a clean file page holds nothing the file lacks); a
 * page of a range is left to the child's copy of the range. */
static int file_backed_copy(struct spt *dst, struct page *src)
{
    if (src->from_range)
        return ERR_OK; /* the child's range makes its own */
    return vm_alloc_page_with_initializer(dst, VM_FILE | (src->executable ? VM_EXECUTABLE : 0),
                                          src->va, src->writable, src->file.load, src->file.aux);
}
