/* The supplemental page table: per process, every user page the process
 * may touch (struct page, mm/page.h), in a hash keyed by the page-aligned
 * address, plus **ranges**: spans of pages registered at once (a 64 MiB
 * bss) whose page records appear on first touch, so that registering them
 * costs the same whatever their size. The table also owns the process's
 * hardware page table (pml4), which it creates and destroys.
 *
 * Locking: the table (hash, ranges) belongs to its process's thread, which
 * alone inserts, finds and removes pages (exec builds a new table on the
 * side before anyone else can see it). Other threads reach a page only
 * through its frame (eviction), under frame_lock, and never change the
 * table itself. spt_kill waits for such evictions of its pages to end. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kernel/hash.h"
#include "kernel/list.h"
#include "mm/page.h"
#include "mm/paging.h"

struct spt {
    struct hash pages;  /* struct page by va */
    struct list ranges; /* struct spt_range, by address */
    struct list mmaps;  /* struct mmap_file (mm/mmap.h), in the order mapped */
    pte_t *pml4;        /* the hardware table the pages are mapped in */
};

/* A span [start, end) of pages registered as one: a page of it becomes a
 * struct page (uninit, from these fields) when first looked up. */
struct spt_range {
    struct list_node node;
    uint64_t start, end; /* page aligned, bytes */
    int type;            /* as given to vm_alloc_page_with_initializer */
    bool writable;
    vm_initializer *init;
    struct vm_aux *aux; /* a reference */
};

/* spt_init: an empty table with a new pml4 (kernel half shared).
 * ERR_NO_MEMORY. */
int spt_init(struct spt *spt);
/* spt_create: a new table from the heap (spt_init), or NULL. */
struct spt *spt_create(void);
/* spt_free: spt_kill a table from spt_create and free it; NULL ignored. */
void spt_free(struct spt *spt);
/* spt_find_page: the page holding user address VA (any byte of it), or
 * NULL. A page of a range is created on the way (NULL also when that runs
 * out of memory). Owner thread only. */
struct page *spt_find_page(struct spt *spt, uint64_t va);
/* spt_lookup_page: like spt_find_page but never creates a page (for
 * observers: int 0x42, debuggers). */
struct page *spt_lookup_page(const struct spt *spt, uint64_t va);
/* spt_registered: whether the page at VA is registered (a page, or a page
 * of a range, touched or not). */
bool spt_registered(const struct spt *spt, uint64_t va);
/* spt_insert_page: add PAGE (PAGE->va set); false if a page is there
 * already. Inside a range, PAGE takes the place of the range's page
 * (fork's copy of a touched page of a range does this). */
bool spt_insert_page(struct spt *spt, struct page *page);
/* spt_remove_page: unlink PAGE and free it with vm_dealloc_page. */
void spt_remove_page(struct spt *spt, struct page *page);
/* spt_remove_span: remove every page and range of [START, END) (page
 * aligned; each range lies wholly inside or outside it) and free the
 * pages with vm_dealloc_page (dirty file pages are written back). Owner
 * thread; may sleep. */
void spt_remove_span(struct spt *spt, uint64_t start, uint64_t end);
/* spt_add_range: register the pages [START, END) (page aligned) as one
 * range of TYPE/WRITABLE/INIT/AUX (a reference is taken). ERR_INVALID if
 * any page of it is already registered, ERR_NO_MEMORY. */
int spt_add_range(struct spt *spt, uint64_t start, uint64_t end, int type, bool writable,
                  vm_initializer *init, struct vm_aux *aux);
/* spt_covers: whether any page or range of SPT overlaps [START, END). */
bool spt_covers(const struct spt *spt, uint64_t start, uint64_t end);
/* spt_copy: give DST (empty, from spt_init) a copy of every page of SRC,
 * the current process's table (fork): its mappings (mmap_copy), ranges and
 * untouched pages stay untouched, resident and swapped-out pages are
 * copied (clean file pages are read again by the child). ERR_NO_MEMORY,
 * ERR_IO or a file error (DST is then partly filled: spt_kill it). */
int spt_copy(struct spt *dst, struct spt *src);
/* spt_kill: destroy every page (dirty file pages written back, frames and
 * swap slots freed), the ranges, the mappings and the pml4. The caller
 * must not run on SPT's pml4 any more. May sleep. */
void spt_kill(struct spt *spt);
/* spt_page_count: pages with a record now (ranges not counted). */
size_t spt_page_count(const struct spt *spt);
