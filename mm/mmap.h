/* Memory-mapped files: mmap and munmap (ABI.md system calls 14 and 15).
 *
 * A mapping is one spt range of file pages (mm/file_page.c) over
 * [addr, addr + length rounded up to a page), read lazily from the
 * mapping's own open file: nothing is read until a page is touched. The
 * bytes of the last page past LENGTH or past the end of the file read as
 * zeros and are never written. Dirty pages (the PTE dirty bit) are written
 * back at munmap, at exit and exec (the table is killed), and when evicted;
 * a write-back never extends the file: only the bytes below the file's
 * size at that moment are written.
 *
 * Locking: a table's mappings belong to its process's thread, like the
 * table itself (mm/spt.h). The record is freed when the last of its pages
 * and the table's list have let go of it (vm_aux references). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kernel/list.h"
#include "mm/page.h"

struct file;
struct spt;

struct mmap_file {
    struct vm_aux aux;     /* one reference for the table's list, one per page */
    struct list_node node; /* in spt->mmaps, in the order mapped */
    uint64_t addr;         /* first byte mapped (page aligned) */
    uint64_t length;       /* bytes mapped, as asked (> 0) */
    uint64_t offset;       /* file offset mapped at ADDR (page aligned, bytes) */
    bool writable;
    struct file *file; /* the mapping's own open file (closed with the record) */
};

/* mmap_end: the end of M's pages (exclusive, page aligned). */
uint64_t mmap_end(const struct mmap_file *m);
/* do_mmap: map LENGTH bytes of FILE (the caller's open file: the mapping
 * opens its own) from OFFSET at ADDR in SPT, the current process's table,
 * WRITABLE or read-only. Nothing is read. Errors (ABI.md "mmap"):
 * ERR_INVALID when ADDR is 0 or not page aligned, LENGTH is 0, OFFSET is
 * negative or not page aligned, the file is empty, or [ADDR, ADDR +
 * LENGTH) wraps, reaches past USER_TOP or overlaps a page of SPT (a page,
 * a range, another mapping) or the stack area; ERR_IS_DIR for a directory;
 * ERR_NO_MEMORY. */
int do_mmap(struct spt *spt, uint64_t addr, uint64_t length, bool writable, struct file *file,
            int64_t offset);
/* do_munmap: remove the mapping of SPT that starts at ADDR, its dirty
 * pages written back first. Owner thread; may sleep. ERR_NOT_FOUND when
 * no mapping starts at ADDR (nothing changes). */
int do_munmap(struct spt *spt, uint64_t addr);
/* mmap_find: the mapping of SPT that starts at ADDR, or NULL. */
struct mmap_file *mmap_find(const struct spt *spt, uint64_t addr);
/* mmap_copy: give DST (fork's child, empty) its own record of each
 * mapping of SRC (same file, offset, length; the child's own open file),
 * before its pages are copied (they find theirs with vm_aux_for_child).
 * ERR_NO_MEMORY or a file error. */
int mmap_copy(struct spt *dst, const struct spt *src);
/* mmap_flush_all: write every mapping's dirty resident pages of SPT back
 * in runs (spt_kill, before its pages go: each one would otherwise be
 * written back alone as it is destroyed). Owner thread, or the table is
 * no process's any more; may sleep. */
void mmap_flush_all(struct spt *spt);
/* mmap_kill: drop SPT's list of mappings (spt_kill, after every page is
 * gone: the records are freed and their files closed). */
void mmap_kill(struct spt *spt);
