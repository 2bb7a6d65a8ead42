/* struct page: one user virtual page of a process, as the VM sees it.
 *
 * A page is registered in its process's supplemental page table (mm/spt.h)
 * long before it has any memory. It starts as an **uninit** page that
 * knows what it will become (its type) and how to fill itself (an
 * initializer and its aux); its first fault "transmutes" it: the type's
 * initializer installs the type's operations, the loader fills the frame.
 * From then on it is
 *   - **anon**: no file behind it (stack, bss, written data pages); when
 *     evicted its contents go to a swap slot (mm/anon.c);
 *   - **file**: its bytes come from a file (executable text, a mapped
 *     file: mm/mmap.c); a clean one is simply dropped when evicted and
 *     read again, a dirty one is written back to its file first
 *     (mm/file_page.c).
 * Behaviour differs by type only through the const page_operations table:
 * no code outside the ops switches on the type.
 *
 * Life cycle: vm_alloc_page_with_initializer (registered, no frame) ->
 * fault -> vm_do_claim_page (frame, swap_in, mapped) -> [evicted:
 * swap_out, no frame -> fault -> swap_in -> mapped]* -> destroy (exit,
 * exec). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/hash.h"
#include "kernel/list.h"

enum vm_type {
    VM_UNINIT = 0, /* not loaded yet: becomes its uninit.type on first fault */
    VM_ANON = 1,   /* anonymous: zero-filled or loaded once, swapped */
    VM_FILE = 2,   /* backed by a file: re-read after eviction */
};
/* Flags that may be or-ed into the type given to
 * vm_alloc_page_with_initializer (the seeds' VM_MARKER_*). */
#define VM_TYPE_MASK  0x7
#define VM_EXECUTABLE 0x8 /* mapped without NX (text) */
#define VM_TYPE(t)    ((enum vm_type)((t)&VM_TYPE_MASK))

struct page;
struct frame;
struct frame_key;
struct spt;
struct file;

/* Where a page's bytes lie in the page cache (vm_aux.cache_source). */
struct vm_cache_source {
    struct file *file;
    uint64_t offset; /* bytes, a multiple of PAGE_SIZE */
    int stat;        /* the enum vm_stat counter of a fault that maps it */
};

/* Reference-counted data an initializer needs (a loaded executable, a
 * file mapping): the backing object of its pages, embedded in the owner's
 * struct; RELEASE frees that struct when the last page using it goes. */
struct vm_aux {
    int refs;
    void (*release)(struct vm_aux *aux);
    /* write_back (NULL: the pages are never written back, e.g. read-only
     * text): store the PAGE_SIZE bytes at KVA, PAGE's contents, where the
     * initializer read them from. No lock held; may sleep. 0 or a
     * negative ERR_ code. */
    int (*write_back)(struct page *page, const void *kva, struct vm_aux *aux);
    /* for_child (NULL: a forked child shares AUX): the aux that DST, a
     * forked child's table, uses in AUX's place (borrowed: no new
     * reference), or NULL if DST has none (out of memory). */
    struct vm_aux *(*for_child)(struct vm_aux *aux, struct spt *dst);
    /* share_key (NULL: none): the key of the contents of PAGE, a
     * read-only page AUX fills, which are the same for every page of
     * that key (an executable's text): see page_operations.share_key. */
    bool (*share_key)(const struct page *page, struct vm_aux *aux, struct frame_key *key);
    /* cache_source (NULL: never): whether PAGE, a page AUX fills, may map
     * the page-cache page (mm/page_cache.h) of its bytes instead of a
     * copy, and which one in *SRC. False when it cannot (a writable
     * mapping, a page not wholly inside the mapping or a segment's file
     * bytes): it is filled as a copy. Any lock may be held; never sleeps. */
    bool (*cache_source)(const struct page *page, struct vm_aux *aux, struct vm_cache_source *src);
};
/* vm_aux_share_key: AUX's share_key for PAGE (read-only pages only);
 * false without one. */
bool vm_aux_share_key(const struct page *page, struct vm_aux *aux, struct frame_key *key);
/* vm_aux_get: one more reference to AUX (NULL is allowed); returns AUX. */
struct vm_aux *vm_aux_get(struct vm_aux *aux);
/* vm_aux_put: drop a reference; the last one calls AUX->release. May
 * sleep (a release may close a file): never with frame_lock held. */
void vm_aux_put(struct vm_aux *aux);
/* vm_aux_for_child: AUX->for_child(AUX, DST), or AUX itself when it has no
 * such hook (AUX NULL: NULL). */
struct vm_aux *vm_aux_for_child(struct vm_aux *aux, struct spt *dst);

/* vm_initializer: fills the PAGE_SIZE bytes at KVA (contents undefined on
 * entry) with PAGE's contents from AUX. Runs with no lock held; may sleep.
 * Returns 0 or a negative ERR_ code (the faulting process is ended). */
typedef int vm_initializer(struct page *page, void *kva, struct vm_aux *aux);
/* page_initializer: a type's initializer: installs the type's operations
 * and data in PAGE (KVA is its frame). Cannot fail. */
typedef void page_initializer(struct page *page, enum vm_type type, void *kva);

struct page_operations {
    enum vm_type type;
    /* swap_in: fill the frame at KVA with PAGE's contents (from its file,
     * its swap slot, or its initializer). No lock held; may sleep; PAGE is
     * busy (nobody else touches it). 0 or a negative ERR_ code. */
    int (*swap_in)(struct page *page, void *kva);
    /* swap_out: save the contents of PAGE's frame (PAGE is unmapped and
     * busy; PAGE->dirty tells whether they differ from the backing copy)
     * so that the frame can be reused. No lock held; may sleep. 0, or
     * ERR_NO_SPACE (no swap slot) / ERR_IO: the page then stays resident. */
    int (*swap_out)(struct page *page);
    /* destroy: free what the type holds (swap slot, aux). PAGE is busy;
     * its frame, if it still has one, is unmapped and pinned (freed after
     * destroy returns): a dirty file page writes it back first. No lock
     * held; may sleep. */
    void (*destroy)(struct page *page);
    /* copy: register in DST (a forked child's table) the child's copy of
     * SRC, a page of the current process (see vm_copy_page): shared
     * copy-on-write or registered again, never copied byte by byte
     * unless the type says so. */
    int (*copy)(struct spt *dst, struct page *src);
    /* share (may be NULL): PAGE, a forked child's page just made of
     * SRC's type, now shares SRC's contents (vm_share_page): it takes
     * what the type keeps of them besides the frame (a reference to
     * SRC's swap slot). frame_lock held; SRC not busy. */
    void (*share)(struct page *page, struct page *src);
    /* swap_backed: an evicted dirty page needs a swap slot (anonymous
     * pages); a file page goes back to its file instead. */
    bool swap_backed;
    /* drop_copy (may be NULL): PAGE is resident and not busy (frame_lock
     * held): give up the copy of its contents kept in swap, if any (the
     * page becomes dirty). Returns whether it had one. */
    bool (*drop_copy)(struct page *page);
    /* share_key (may be NULL: never): whether PAGE's contents, once read,
     * are what other pages would read too (a swap slot other pages hold,
     * a read-only page of an executable), and then their key in *KEY
     * (the shared-frame cache, mm/frame.h). frame_lock held. */
    bool (*share_key)(const struct page *page, struct frame_key *key);
};

/* An uninit page: what it becomes and how it is filled. */
struct uninit_page {
    vm_initializer *init;        /* loader, or NULL for a zero page */
    struct vm_aux *aux;          /* the loader's data (a reference) */
    enum vm_type type;           /* VM_ANON or VM_FILE */
    page_initializer *page_init; /* anon_initializer / file_backed_initializer */
};

/* An anonymous page: where it is when not resident. */
struct anon_page {
    size_t slot; /* swap slot holding a copy, or SWAP_SLOT_NONE */
};

/* A file page: how to read its bytes again. */
struct file_page {
    vm_initializer *load; /* reads the page from its file */
    struct vm_aux *aux;   /* the loader's data (a reference) */
};

/* Fields marked [F] are guarded by frame_lock (mm/frame.h); the others are
 * the owner process's (its own thread changes them; set before the page is
 * visible to anyone else). While a page is busy, the one thread that made
 * it busy (filling, evicting or copying it) may also change dirty and the
 * type's data (e.g. anon.slot) without the lock: nobody else touches a
 * busy page. */
struct page {
    uint64_t va; /* page-aligned user address (hash key) */
    const struct page_operations *ops;
    struct spt *spt;             /* the table holding it (and its pml4) */
    struct frame *frame;         /* [F] resident frame, or NULL */
    struct list_node frame_node; /* [F] in frame->pages (the reverse map) */
    bool busy;                   /* [F] being filled, evicted or copied */
    bool dirty;                  /* [F] contents differ from the backing copy */
    bool cow;                    /* [F] writable page whose contents (frame or slot)
                                  * fork shared: mapped read-only until its first
                                  * write copies them or, when no other page
                                  * shares them any more, makes it writable */
    bool writable;
    bool executable;
    bool from_range;       /* made from an spt range on first touch */
    struct hash_node node; /* in spt->pages */
    union {
        struct uninit_page uninit;
        struct anon_page anon;
        struct file_page file;
    };
};

/* page_type: what PAGE is now (VM_UNINIT until its first fault). */
static inline enum vm_type page_type(const struct page *page)
{
    return page->ops->type;
}

/* swap_in / swap_out / destroy: dispatch through PAGE's operations. */
#define swap_in(page, kva) ((page)->ops->swap_in((page), (kva)))
#define swap_out(page)     ((page)->ops->swap_out(page))
#define destroy(page)      ((page)->ops->destroy(page))
