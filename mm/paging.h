/* x86-64 4-level page tables: the mechanism only (PTE bits, walking,
 * mapping, TLB). It knows nothing of processes or pages of the VM.
 * A page table is named by the kernel address of its PML4. The kernel half
 * (PML4 slots 256..511: direct map and kernel image) is shared by every
 * address space. Callers serialize changes to one page table. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "mm/memlayout.h"

typedef uint64_t pte_t;

#define PTE_PRESENT       (1ull << 0)
#define PTE_WRITABLE      (1ull << 1)
#define PTE_USER          (1ull << 2)
#define PTE_WRITE_THROUGH (1ull << 3)
#define PTE_CACHE_DISABLE (1ull << 4)
#define PTE_ACCESSED      (1ull << 5)
#define PTE_DIRTY         (1ull << 6)
#define PTE_HUGE          (1ull << 7)
#define PTE_GLOBAL        (1ull << 8)
#define PTE_NX            (1ull << 63)
#define PTE_ADDR_MASK     0x000ffffffffff000ull

#define PT_ENTRIES    512 /* entries in a table page, at every level */
#define PT_INDEX_BITS 9
/* PT_LEVEL_SPAN: bytes one entry maps at LEVEL (0 = PT: 4 KiB, 1 = PD:
 * 2 MiB, 2 = PDPT: 1 GiB, 3 = PML4: 512 GiB). */
#define PT_LEVEL_SPAN(level) (1ul << (PAGE_SHIFT + PT_INDEX_BITS * (level)))
#define PT_LARGE_PAGE_SIZE   PT_LEVEL_SPAN(1) /* a PD-level page; what one PT maps */

/* paging_init: build the kernel page table (direct map of all RAM, kernel
 * image with W^X), enable WP, NXE, SMEP/SMAP when present, and switch to it. */
void paging_init(void);
/* pt_kernel: the kernel's own page table. */
pte_t *pt_kernel(void);
/* pt_create: a new page table with an empty user half, or NULL. */
pte_t *pt_create(void);
/* pt_destroy: free the table pages of PML4's user half and PML4 itself;
 * the frames it mapped are the caller's to free. If PML4 is still loaded
 * (a kernel thread ran on it last: process_activate), the kernel's is
 * loaded first. */
void pt_destroy(pte_t *pml4);
/* pt_activate: load PML4 into CR3 (a TLB flush of non-global entries). */
void pt_activate(pte_t *pml4);
/* pt_map: map page VA to frame PA with FLAGS (PTE_PRESENT implied);
 * ERR_NO_MEMORY if a table page cannot be allocated. Replaces any old
 * mapping and flushes it from the TLB. */
int pt_map(pte_t *pml4, uint64_t va, paddr_t pa, uint64_t flags);
/* pt_prepare_table: make sure the last-level table covering VA exists
 * (so later pt_map calls in its 2 MiB never allocate); ERR_NO_MEMORY. */
int pt_prepare_table(pte_t *pml4, uint64_t va);
/* pt_unmap: remove the mapping of VA (if any) and flush it. */
void pt_unmap(pte_t *pml4, uint64_t va);
/* pt_unmap_dirty: pt_unmap, returning whether the removed mapping had its
 * dirty bit set (false if VA was not mapped). */
bool pt_unmap_dirty(pte_t *pml4, uint64_t va);
/* pt_test_and_clear_accessed: whether the present PTE of VA has its
 * accessed bit set (Intel SDM 4.8); clears it and flushes. False if VA is
 * not mapped. */
bool pt_test_and_clear_accessed(pte_t *pml4, uint64_t va);
/* pt_write_protect: clear the writable bit of VA's present PTE and flush
 * it (nothing if VA is not mapped). Returns whether the PTE's dirty bit is
 * set (it stays set). */
bool pt_write_protect(pte_t *pml4, uint64_t va);
/* pt_set_writable: set the writable bit of VA's present PTE in place (its
 * frame, other flags, accessed and dirty bits kept) and flush it. Returns
 * false, changing nothing, if VA is not mapped. */
bool pt_set_writable(pte_t *pml4, uint64_t va);
/* pt_is_dirty: whether the present PTE of VA has its dirty bit set. */
bool pt_is_dirty(pte_t *pml4, uint64_t va);
/* pt_lookup: the PTE of VA in PML4, or NULL if no table covers it. Huge
 * pages are returned as their PDPT/PD entry. */
pte_t *pt_lookup(pte_t *pml4, uint64_t va);
/* pt_translate: physical address VA maps to, or 0 if not present. */
paddr_t pt_translate(pte_t *pml4, uint64_t va);
/* pt_update_flags: set and clear flag bits of the present PTE of VA; flushes. */
void pt_update_flags(pte_t *pml4, uint64_t va, uint64_t set, uint64_t clear);
/* pt_walk_user: call FN(VA, PTE, ARG) for every present 4 KiB leaf of
 * PML4's user half, in address order; stops early (returning FN's value)
 * when FN returns nonzero, else returns 0. FN must not change the table
 * structure (it may change or clear the leaf *PTE). */
typedef int pt_walk_fn(uint64_t va, pte_t *pte, void *arg);
int pt_walk_user(pte_t *pml4, pt_walk_fn *fn, void *arg);
/* pt_flush: invalidate VA of PML4 in the TLB if the active table maps it:
 * always for a kernel-half VA (shared by every table), for a user VA only
 * if PML4 is the active table. */
void pt_flush(pte_t *pml4, uint64_t va);
/* paging_has_smep / paging_has_smap: features enabled at boot. */
bool paging_has_smep(void);
bool paging_has_smap(void);
