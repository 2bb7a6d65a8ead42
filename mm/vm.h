/* The virtual memory of user processes: demand paging. Every process has
 * a supplemental page table (mm/spt.h) of struct pages (mm/page.h); a page
 * gets a frame (mm/frame.h) only when it is touched, and may lose it to
 * eviction (its contents then go to swap, mm/swap.h, or back to its file).
 *
 * The fault path (Linux/PintOS order): the trap boundary decodes the
 * hardware error code once into a struct vm_fault, then
 *     vm_try_handle_fault -> spt_find_page (or stack growth)
 *         -> vm_do_claim_page -> vm_get_frame (evicts if needed)
 *         -> swap_in -> map.
 * Locks: see mm/frame.h (frame_lock) and mm/spt.h (owner-thread tables). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "mm/page.h"
#include "mm/spt.h"

/* A page fault as the trap boundary decoded it. */
struct vm_fault {
    uint64_t addr; /* faulting address (CR2) */
    uint64_t rsp;  /* user rsp: the trap frame's, or the one saved at syscall entry */
    bool user;     /* raised in ring 3 */
    bool write;    /* a write access */
    bool fetch;    /* an instruction fetch */
    bool present;  /* the page was mapped: a protection fault */
};

enum vm_fault_result {
    VM_FAULT_RESOLVED,   /* retry the access */
    VM_FAULT_UNMAPPED,   /* no page there and not stack growth */
    VM_FAULT_PROTECTION, /* the access is not allowed on that page */
    VM_FAULT_NO_MEMORY,  /* no frame could be had (swap full or absent) */
    VM_FAULT_IO,         /* the page could not be read */
};

/* Counters, printed at power-off with -v. */
enum vm_stat {
    VM_STAT_FAULT_FILE,    /* pages read from an executable (lazy_load_segment) */
    VM_STAT_FAULT_MMAP,    /* pages read from a mapped file */
    VM_STAT_FAULT_ZERO,    /* zero-filled pages (stack growth included) */
    VM_STAT_FAULT_STACK,   /* stack pages grown */
    VM_STAT_FAULT_SWAP_IN, /* pages read back from swap */
    VM_STAT_EVICTION,      /* frames taken from a page */
    VM_STAT_SWAP_READ,     /* swap slot reads */
    VM_STAT_SWAP_WRITE,    /* swap slot writes */
    VM_STAT_SWAP_READ_IO,  /* disk requests that read swap (read windows) */
    VM_STAT_SWAP_WRITE_IO, /* disk requests that wrote swap (combined writes) */
    VM_STAT_WRITE_BACK,    /* dirty mapped-file pages written back to their file */
    VM_STAT_COW_COPY,      /* write faults that copied a frame fork shared */
    VM_STAT_COW_REUSE,     /* write faults on a cow page whose frame was no longer
                            * shared: made writable, no copy */
    VM_STAT_SHARED_MAP,    /* pages that mapped a frame of the shared-frame cache
                            * (swap cache, shared text) instead of reading it */
    VM_STAT_PC_HIT,        /* page-cache lookups that found the page */
    VM_STAT_PC_MISS,       /* page-cache lookups that made it (read from the file) */
    VM_STAT_PC_READAHEAD,  /* pages read ahead of need into the page cache */
    VM_STAT_PC_ASYNC,      /* of those, pages the read-ahead thread read */
    VM_STAT_PC_WRITE_BACK, /* dirty page-cache pages written to their file */
    VM_STAT_COUNT,
};

/* vm_take_dirty: if PAGE (the current process's) is resident and dirty,
 * copy its contents to DST (PAGE_SIZE bytes) and make it clean and
 * unmapped: the caller writes them back itself (munmap writing runs of
 * pages at once); whether it did. No lock held. */
bool vm_take_dirty(struct page *page, void *dst);
/* vm_init: the frame table and swap. Thread context, after storage_init. */
void vm_init(void);
/* vm_count: add one to counter S. */
void vm_count(enum vm_stat s);
/* vm_stats_print: the counters, one line. */
void vm_stats_print(void);

/* vm_alloc_page_with_initializer: register (only) the page at VA in SPT:
 * TYPE is VM_ANON or VM_FILE, or-ed with VM_EXECUTABLE for text; INIT
 * fills it on its first fault from AUX (a reference is taken; INIT NULL:
 * a zero page). Nothing is read, zeroed or mapped. ERR_EXISTS if VA is
 * registered already (a page or a range's page), ERR_NO_MEMORY. */
int vm_alloc_page_with_initializer(struct spt *spt, int type, uint64_t va, bool writable,
                                   vm_initializer *init, struct vm_aux *aux);
/* vm_page_new: a new uninit page of SPT (not inserted), or NULL. */
struct page *vm_page_new(struct spt *spt, int type, uint64_t va, bool writable,
                         vm_initializer *init, struct vm_aux *aux);
/* vm_claim_page: make the page at VA of SPT resident and mapped.
 * ERR_NOT_FOUND if no page is registered there. */
int vm_claim_page(struct spt *spt, uint64_t va);
/* vm_do_claim_page: give PAGE a frame, fill it (swap_in) and map it
 * (writable only if the page is). Owner thread; no lock held; may sleep.
 * ERR_NO_MEMORY (no frame), ERR_IO (PAGE could not be read, or the victim
 * evicted for it could not be written). A page whose initializer failed
 * has transmuted already: the process is ended anyway. */
int vm_do_claim_page(struct page *page);
/* vm_dealloc_page: unmap PAGE, destroy it (a dirty file page is written
 * back; its slot, its aux), free its frame and PAGE itself (not in any
 * table any more). Waits while it is busy. Owner thread; no lock held;
 * may sleep. */
void vm_dealloc_page(struct page *page);
/* vm_dealloc_anon_pages: vm_dealloc_page of the N anonymous (swap-backed)
 * pages of PAGES, their frames given back in one hold of frame_lock, then
 * each destroyed and freed with no lock held. Same rules as
 * vm_dealloc_page. */
void vm_dealloc_anon_pages(struct page **pages, size_t n);
/* vm_copy_page: register in DST (fork's child) a copy of SRC, a page of
 * the current process: a page still uninit from a range is left to the
 * range (DST has the range too), other uninit pages are registered again,
 * clean file pages start unloaded (text then finds the frame other copies
 * of the program read: the shared-frame cache, frame.h), dirty file pages
 * and anonymous pages share SRC's frame or swap slot copy-on-write
 * (vm_share_page). ERR_NO_MEMORY, ERR_IO. */
int vm_copy_page(struct spt *dst, struct page *src);
/* vm_share_page: register in DST (fork's child) a page of SRC's type
 * (anon or file, transmuted already: INIT and AUX are the file type's
 * loader and its aux, a new reference) that shares the contents of SRC,
 * a page of the current process, copy-on-write: SRC's frame (both
 * mapped read-only when writable: page->cow) or, when SRC is not
 * resident, what its type keeps (page_operations.share: the swap slot).
 * Nothing is copied. ERR_NO_MEMORY, ERR_EXISTS. */
int vm_share_page(struct spt *dst, struct page *src, vm_initializer *init, struct vm_aux *aux);
/* vm_copy_contents: register in DST (fork's child) a page of SRC's type
 * (anon or file, transmuted already: INIT and AUX are the file type's
 * loader and its aux, a new reference) holding a copy of the contents of
 * SRC, a page of the current process; the copy is resident and dirty.
 * ERR_NO_MEMORY, ERR_IO, ERR_EXISTS. */
int vm_copy_contents(struct spt *dst, struct page *src, vm_initializer *init, struct vm_aux *aux);
/* vm_claim_copy: vm_do_claim_page for PAGE, filled with a copy of SRC (a
 * page of the current process) instead of its own contents (fork). */
int vm_claim_copy(struct page *page, struct page *src);
/* vm_try_handle_fault: resolve F in SPT, the faulting (current) process's
 * table (see the file comment of vm.c). Interrupts on, no lock held. */
enum vm_fault_result vm_try_handle_fault(struct spt *spt, const struct vm_fault *f);
/* vm_user_frame: the kernel address of the frame that backs the page at
 * VA of SPT if it is resident, else NULL (int 0x42). Nothing is loaded. */
void *vm_user_frame(struct spt *spt, uint64_t va);

/* PTE access for the frame table (frame_lock held): whether PAGE was
 * accessed since the last call (the bit is cleared); whether its contents
 * differ from its backing copy; remove / restore its mapping (the dirty
 * bit joins page->dirty). ERR_NO_MEMORY from vm_page_map. */
bool vm_page_test_and_clear_accessed(struct page *page);
bool vm_page_is_dirty(struct page *page);
void vm_page_unmap(struct page *page);
int vm_page_map(struct page *page);
