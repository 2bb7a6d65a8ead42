/* Memory-mapped files (see mmap.h). */
#include "fs/file.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"
#include "mm/mmap.h"
#include "mm/spt.h"
#include "mm/vm.h"

#define STACK_AREA_START (USER_STACK - USER_STACK_LIMIT)

static struct mmap_file *mmap_of(struct vm_aux *aux)
{
    return container_of(aux, struct mmap_file, aux);
}

uint64_t mmap_end(const struct mmap_file *m)
{
    return m->addr + PAGE_ROUND_UP(m->length);
}

/* page_span: the bytes of M that PAGE holds (from its first byte, at most
 * a page), and the file offset of that first byte in *OFFSET. */
static size_t page_span(const struct mmap_file *m, const struct page *page, uint64_t *offset)
{
    uint64_t pos = page->va - m->addr;
    *offset = m->offset + pos;
    return m->length - pos < PAGE_SIZE ? (size_t)(m->length - pos) : PAGE_SIZE;
}

/* mmap_load_page: the vm_initializer of mapped pages: the page's bytes of
 * the file, zeros past the mapping's length or the file's end. ERR_IO. */
static int mmap_load_page(struct page *page, void *kva, struct vm_aux *aux)
{
    struct mmap_file *m = mmap_of(aux);
    uint64_t offset;
    size_t len = page_span(m, page, &offset);
    vm_count(VM_STAT_FAULT_MMAP);
    long n = file_read_page(m->file, offset, kva);
    if (n < 0)
        return ERR_IO;
    memset((uint8_t *)kva + len, 0, PAGE_SIZE - len); /* past the mapping's length */
    return ERR_OK;
}

/* mmap_cache_source: the vm_aux cache_source of a mapping: a read-only
 * mapping's page wholly inside the mapping maps the file's page-cache
 * page (when that is wholly inside the file too: file_get_page); any
 * other is a copy. */
static bool mmap_cache_source(const struct page *page, struct vm_aux *aux,
                              struct vm_cache_source *src)
{
    struct mmap_file *m = mmap_of(aux);
    if (m->writable || page_span(m, page, &src->offset) < PAGE_SIZE)
        return false;
    src->file = m->file;
    src->stat = VM_STAT_FAULT_MMAP;
    return true;
}

/* report_lost: with -v, say that the write-back of the LEN bytes at user
 * address VA (file offset OFFSET of M's file) stored only WRITTEN of them
 * (or failed: WRITTEN < 0). Without -v nothing is printed: the lines would
 * land inside a run's transcript, which holds the program's output only
 * (ABI.md). */
static void report_lost(const struct mmap_file *m, uint64_t va, uint64_t offset, size_t len,
                        long written)
{
    if (written == (long)len || !kernel_cmdline.verbose)
        return;
    printf("mmap: write-back of 0x%lx to inode %u at offset %lu failed (%s): %zu bytes lost\n", va,
           file_inumber(m->file), offset, written < 0 ? err_name((int)written) : "short write",
           written < 0 ? len : len - (size_t)written);
}

/* mmap_write_back: the vm_aux write_back of a mapping: the page's bytes
 * that lie below the file's size now (a write-back never extends the
 * file). Always ERR_OK: bytes the file system refuses (a full disk, a
 * disk error, an executable being run: ABI.md's writes that return 0)
 * are dropped (report_lost), like a write() that returns less; keeping
 * the page instead would pin its frame for good and could end other
 * processes for want of memory. */
static int mmap_write_back(struct page *page, const void *kva, struct vm_aux *aux)
{
    struct mmap_file *m = mmap_of(aux);
    uint64_t offset, size = file_length(m->file);
    size_t len = page_span(m, page, &offset);
    if (offset >= size)
        return ERR_OK;
    if (len > size - offset)
        len = (size_t)(size - offset);
    vm_count(VM_STAT_WRITE_BACK);
    report_lost(m, page->va, offset, len, file_write_page(m->file, offset, kva, len));
    return ERR_OK;
}

/* mmap_for_child: the vm_aux for_child of a mapping: the record of DST
 * (made by mmap_copy) at the same address. */
static struct vm_aux *mmap_for_child(struct vm_aux *aux, struct spt *dst)
{
    struct mmap_file *c = mmap_find(dst, mmap_of(aux)->addr);
    return c ? &c->aux : NULL;
}

static void mmap_release(struct vm_aux *aux)
{
    struct mmap_file *m = mmap_of(aux);
    file_close(m->file);
    kfree(m);
}

/* mmap_new: a record for FILE's mapping (its own open file, one reference:
 * the list's), or NULL (*ERR set). */
static struct mmap_file *mmap_new(struct file *file, uint64_t addr, uint64_t length,
                                  uint64_t offset, bool writable, int *err)
{
    struct mmap_file *m = kmalloc(sizeof *m);
    if (!m) {
        *err = ERR_NO_MEMORY;
        return NULL;
    }
    *m = (struct mmap_file){.aux = {.refs = 1,
                                    .release = mmap_release,
                                    .write_back = mmap_write_back,
                                    .for_child = mmap_for_child,
                                    .cache_source = mmap_cache_source},
                            .addr = addr,
                            .length = length,
                            .offset = offset,
                            .writable = writable};
    if ((*err = file_reopen(file, &m->file)) < 0) {
        kfree(m);
        return NULL;
    }
    return m;
}

/* mmap_install: add M's range and M to SPT; on failure M is released. */
static int mmap_install(struct spt *spt, struct mmap_file *m)
{
    int err =
        spt_add_range(spt, m->addr, mmap_end(m), VM_FILE, m->writable, mmap_load_page, &m->aux);
    if (err < 0) {
        vm_aux_put(&m->aux);
        return err;
    }
    list_push_back(&spt->mmaps, &m->node);
    return ERR_OK;
}

/* span_valid: whether [ADDR, ADDR + LENGTH) may be mapped in SPT (see
 * do_mmap). */
static bool span_valid(const struct spt *spt, uint64_t addr, uint64_t length)
{
    if (addr == 0 || (addr & PAGE_MASK) || length == 0 || addr >= USER_TOP ||
        length > USER_TOP - addr)
        return false;
    uint64_t end = addr + PAGE_ROUND_UP(length);
    if (end > USER_TOP || (addr < USER_STACK && STACK_AREA_START < end))
        return false;
    return !spt_covers(spt, addr, end);
}

int do_mmap(struct spt *spt, uint64_t addr, uint64_t length, bool writable, struct file *file,
            int64_t offset)
{
    if (offset < 0 || (offset & PAGE_MASK) || !span_valid(spt, addr, length))
        return ERR_INVALID;
    if (file_is_dir(file))
        return ERR_IS_DIR;
    if (file_length(file) == 0)
        return ERR_INVALID;
    int err;
    struct mmap_file *m = mmap_new(file, addr, length, (uint64_t)offset, writable, &err);
    return m ? mmap_install(spt, m) : err;
}

struct mmap_file *mmap_find(const struct spt *spt, uint64_t addr)
{
    list_for_each(n, &spt->mmaps)
    {
        struct mmap_file *m = list_entry(n, struct mmap_file, node);
        if (m->addr == addr)
            return m;
    }
    return NULL;
}

/* flush_run: write back N pages (their contents at STAGING) of M from
 * address VA: the bytes below the mapping's length and the file's size,
 * as one write. Failures are reported like mmap_write_back's. */
static void flush_run(struct mmap_file *m, uint64_t va, const void *staging, size_t n)
{
    uint64_t offset = m->offset + (va - m->addr), size = file_length(m->file);
    size_t len = (size_t)((n - 1) * PAGE_SIZE);
    uint64_t last_offset;
    struct page last = {.va = va + len};
    len += page_span(m, &last, &last_offset);
    if (offset >= size)
        return;
    if (len > size - offset)
        len = (size_t)(size - offset);
    for (size_t i = 0; i < n; i++)
        vm_count(VM_STAT_WRITE_BACK);
    report_lost(m, va, offset, len, file_write_pages(m->file, offset, staging, len));
}

/* flush: write M's dirty resident pages back before munmap drops them,
 * runs of up to FLUSH_RUN_PAGES consecutive pages as one write (page by
 * page, each one a request, they would cost a disk round trip each).
 * Without memory for that, the pages write themselves back as they go. */
#define FLUSH_RUN_PAGES 32
static void flush(struct spt *spt, struct mmap_file *m)
{
    uint8_t *staging = kmalloc(FLUSH_RUN_PAGES * PAGE_SIZE);
    if (!staging)
        return;
    size_t n = 0;
    uint64_t first = 0, end = mmap_end(m);
    for (uint64_t va = m->addr; va < end; va += PAGE_SIZE) {
        struct page *page = spt_lookup_page(spt, va);
        if (page && vm_take_dirty(page, staging + n * PAGE_SIZE)) {
            first = n++ == 0 ? va : first;
            if (n < FLUSH_RUN_PAGES)
                continue;
        }
        if (n > 0)
            flush_run(m, first, staging, n);
        n = 0;
    }
    if (n > 0)
        flush_run(m, first, staging, n);
    kfree(staging);
}

int do_munmap(struct spt *spt, uint64_t addr)
{
    struct mmap_file *m = mmap_find(spt, addr);
    if (!m)
        return ERR_NOT_FOUND;
    flush(spt, m);
    list_remove(&m->node);
    spt_remove_span(spt, m->addr, mmap_end(m));
    vm_aux_put(&m->aux);
    return ERR_OK;
}

int mmap_copy(struct spt *dst, const struct spt *src)
{
    list_for_each(n, &src->mmaps)
    {
        struct mmap_file *m = list_entry(n, struct mmap_file, node);
        int err;
        struct mmap_file *c = mmap_new(m->file, m->addr, m->length, m->offset, m->writable, &err);
        if (!c)
            return err;
        list_push_back(&dst->mmaps, &c->node);
    }
    return ERR_OK;
}

void mmap_flush_all(struct spt *spt)
{
    list_for_each(n, &spt->mmaps)
    {
        flush(spt, list_entry(n, struct mmap_file, node));
    }
}

void mmap_kill(struct spt *spt)
{
    struct list_node *n;
    while ((n = list_pop_front(&spt->mmaps)))
        vm_aux_put(&list_entry(n, struct mmap_file, node)->aux);
}
