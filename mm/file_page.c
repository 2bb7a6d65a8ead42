/* File pages (see file_page.h). The loader that filled the page on its
 * first fault (lazy_load_segment for an executable, mmap_load_page for a
 * mapped file) is kept with its aux and simply run again on every later
 * swap_in. A page whose PTE dirty bit was set (page->dirty, see
 * vm_page_unmap) is written back through its aux's write_back before its
 * frame goes: at eviction, at munmap, at exit. A clean one is dropped:
 * whatever was written to the file since it was read (by write(), or by
 * another mapping's write-back) is never overwritten with older bytes. */
#include "kernel/errors.h"
#include "mm/file_page.h"
#include "mm/frame.h"
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
    .swap_backed = false,
};

void file_backed_initializer(struct page *page, enum vm_type type, void *kva)
{
    struct uninit_page u = page->uninit;
    page->ops = &file_ops;
    page->file.load = u.init;
    page->file.aux = vm_aux_get(u.aux);
    page->dirty = false;
}

/* file_backed_swap_in: read the page again; it is clean (the file holds
 * what it held when written back or first read). */
static int file_backed_swap_in(struct page *page, void *kva)
{
    page->dirty = false;
    return page->file.load(page, kva, page->file.aux);
}

/* write_back: store the contents of PAGE's frame through its aux; the
 * page is clean after. ERR_UNSUPPORTED for pages that are never written
 * back (their aux has no write_back), or the write's error. */
static int write_back(struct page *page)
{
    struct vm_aux *aux = page->file.aux;
    if (!aux || !aux->write_back)
        return ERR_UNSUPPORTED;
    int err = aux->write_back(page, page->frame->kva, aux);
    if (err == ERR_OK)
        page->dirty = false;
    return err;
}

/* file_backed_swap_out: a clean page is dropped; a dirty one is written
 * back to its file first (its frame stays if that fails). */
static int file_backed_swap_out(struct page *page)
{
    return page->dirty ? write_back(page) : ERR_OK;
}

/* file_backed_destroy: the last chance to write a dirty page back (munmap,
 * exit, exec). */
static void file_backed_destroy(struct page *page)
{
    if (page->frame && page->dirty)
        write_back(page);
    vm_aux_put(page->file.aux);
}

/* file_backed_copy: fork. A clean page holds nothing its file lacks: the
 * child reads it from the file itself when it first touches it (a page of
 * a range is left to the child's copy of the range). A dirty one is
 * copied, and stays dirty in the child. Either way the child's page uses
 * the child's aux (its own copy of a mapping). */
static int file_backed_copy(struct spt *dst, struct page *src)
{
    struct vm_aux *aux = vm_aux_for_child(src->file.aux, dst);
    if (src->file.aux && !aux)
        return ERR_NO_MEMORY;
    frame_lock_acquire();
    while (src->busy)
        frame_wait_locked();
    bool dirty = src->frame && vm_page_is_dirty(src);
    frame_lock_release();
    if (dirty)
        return vm_copy_contents(dst, src, src->file.load, aux);
    if (src->from_range)
        return ERR_OK;
    return vm_alloc_page_with_initializer(dst, VM_FILE | (src->executable ? VM_EXECUTABLE : 0),
                                          src->va, src->writable, src->file.load, aux);
}
