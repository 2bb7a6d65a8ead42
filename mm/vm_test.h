/* Helpers shared by the kernel unit tests of the VM: mm/vm_test.c (suites
 * spt, frame, swap, noswap) and mm/cow_test.c (suite cow). The tests run
 * in the boot thread on tables of their own (struct spt), never the
 * active page table: page contents are reached through frame kvas, a user
 * access is imitated by setting PTE bits as the CPU would, and eviction
 * is forced by lowering kernel_cmdline.user_frame_limit (vt_cap_set),
 * with vt_pad or vt_age to get past the frames of the last
 * FRAME_RECENT_CLAIMS claims, which are never victims (see the file
 * comment of mm/vm_test.c). Every test compares what it gives back with
 * a snapshot (vt_snap_same). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/ktest.h"
#include "mm/memlayout.h"
#include "mm/page.h"
#include "mm/spt.h"

#define VT_BASE     0x10000000ul /* user address of the tests' first page */
#define VT_PAGE(i)  (VT_BASE + (uint64_t)(i)*PAGE_SIZE)
#define VT_PAD(i)   VT_PAGE(4096 + (i)) /* vt_pad's pages */
#define VT_AGE_PAGE VT_PAGE(8192)       /* vt_age's scratch page */

/* VT_EXPECT: like KT_ASSERT, but the test goes on (to clean up). */
#define VT_EXPECT(cond)                                 \
    do {                                                \
        if (!(cond))                                    \
            ktest_fail(ctx, __FILE__, __LINE__, #cond); \
    } while (0)

/* What a test must give back: frames, heap bytes, user frames, swap slots. */
struct vt_snap {
    size_t free_frames;
    size_t heap_bytes;
    size_t user_frames;
    size_t swap_used;
};

/* vt_snap_take: the resources held now, in *S. */
void vt_snap_take(struct vt_snap *s);
/* vt_snap_same: whether everything is back to S0 (each difference printed). */
bool vt_snap_same(const struct vt_snap *s0);

/* vt_fill_pattern / vt_has_pattern: write / check the page pattern of KEY
 * (a different page of words for each key, none of them 0). */
void vt_fill_pattern(void *kva, uint64_t key);
bool vt_has_pattern(const void *kva, uint64_t key);
/* vt_is_zero: whether the page at KVA is all zeros. */
bool vt_is_zero(const void *kva);

/* A test's aux: counts the initializer's calls and its own release. It
 * lives on the test's stack; the test holds one reference throughout. */
struct vt_aux {
    struct vm_aux base; /* first: vt_fill casts */
    uint64_t seed;      /* the pattern of page VA is VA ^ seed */
    int fail;           /* returned by vt_fill when nonzero */
    int calls;          /* vt_fill runs */
    int released;       /* release calls */
    struct page *last_page;
    void *last_kva;
};

/* vt_aux_init: A with one reference (the test's), patterns of SEED. */
void vt_aux_init(struct vt_aux *a, uint64_t seed);
/* vt_fill: a vm_initializer writing the pattern of page->va ^ seed. */
int vt_fill(struct page *page, void *kva, struct vm_aux *aux);

/* vt_cap_set: lower the -ul cap to the user frames in use plus EXTRA;
 * returns the cap. vt_cap_restore: the cap as it was before. */
size_t vt_cap_set(size_t extra);
void vt_cap_restore(void);

/* vt_resident: whether the page at VA of SPT has a frame. */
bool vt_resident(struct spt *spt, uint64_t va);
/* vt_claim_write: claim the page at VA and write KEY's pattern into its
 * frame; vt_claim_check: claim it and check KEY's pattern is there. */
bool vt_claim_write(struct spt *spt, uint64_t va, uint64_t key);
bool vt_claim_check(struct spt *spt, uint64_t va, uint64_t key);
/* vt_pad: claim FRAME_RECENT_CLAIMS zero pages from VT_PAD(FIRST) in SPT,
 * so that the frames claimed before them may be victims. */
bool vt_pad(struct spt *spt, size_t first);
/* vt_age: FRAME_RECENT_CLAIMS claims of a scratch page of SPT on one
 * frame above those in use: afterwards every frame may be a victim;
 * nothing is evicted. */
bool vt_age(struct spt *spt);
