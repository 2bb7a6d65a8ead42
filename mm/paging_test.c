/* Unit tests of the page-table mechanism on fresh tables from pt_create:
 * map/unmap/lookup/translate, PTE permission bits, the writable bit set
 * in place, the kernel's W^X layout, TLB flushing on remap/unmap/flag
 * changes, freeing of table pages, and the hardware protections (NX,
 * CR0.WP on .rodata and .text, SMEP, SMAP) observed as faults recovered
 * with trap_catch; a kernel thread running on the table that is loaded
 * (lazy switching), and pt_destroy of that table.
 *
 * A test table is only activated with interrupts off and always switched
 * back to pt_kernel() (or destroyed, which switches) before the test
 * asserts anything. */
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "kernel/trap.h"
#include "mm/kmalloc.h"
#include "mm/paging.h"
#include "mm/pmm.h"
#include "proc/thread.h"

#define RET_OPCODE  0xc3
#define TEST_VA     0x400000ul       /* user half, first PML4 slot */
#define TEST_VA_FAR 0x7f0000000000ul /* another PML4 slot */
#define PML4_SPAN   (1ul << 39)
#define PDPT_SPAN   (1ul << 30)
#define PD_SPAN     (1ul << 21)
#define PATTERN_A   0xaaaaaaaa11111111ul
#define PATTERN_B   0xbbbbbbbb22222222ul

typedef void code_fn(void);

/* A ret instruction in .data (RW, NX) and a word in .rodata (R, NX). */
static uint8_t data_ret[16] = {RET_OPCODE};
__attribute__((used)) static const volatile uint64_t rodata_word = 0x0123456789abcdeful;

static void text_target(void) {}

/* catch_call: call FN; true (details in TC) if it faulted. */
static __attribute__((noinline)) bool catch_call(code_fn *fn, struct trap_catch *tc)
{
    if (trap_catch_arm(tc))
        return true;
    fn();
    trap_catch_disarm();
    return false;
}

/* catch_read: read the word at VA into *OUT; true if it faulted. */
static __attribute__((noinline)) bool catch_read(uint64_t va, uint64_t *out, struct trap_catch *tc)
{
    if (trap_catch_arm(tc))
        return true;
    uint64_t v;
    __asm__ volatile("movq (%1), %0" : "=r"(v) : "r"(va) : "memory");
    trap_catch_disarm();
    *out = v;
    return false;
}

/* catch_write: store V at VA; true if it faulted. */
static __attribute__((noinline)) bool catch_write(uint64_t va, uint64_t v, struct trap_catch *tc)
{
    if (trap_catch_arm(tc))
        return true;
    __asm__ volatile("movq %1, (%0)" ::"r"(va), "r"(v) : "memory");
    trap_catch_disarm();
    return false;
}

/* catch_read_stac: catch_read with SMAP checks suspended (stac/clac). */
static __attribute__((noinline)) bool catch_read_stac(uint64_t va, uint64_t *out,
                                                      struct trap_catch *tc)
{
    if (trap_catch_arm(tc)) {
        __asm__ volatile("clac" ::: "memory");
        return true;
    }
    uint64_t v;
    __asm__ volatile("stac\n\tmovq (%1), %0\n\tclac" : "=r"(v) : "r"(va) : "memory");
    trap_catch_disarm();
    *out = v;
    return false;
}

/* fault_is: the catch saw a page fault at VA with exactly error bits WANT
 * among PF_PRESENT | PF_WRITE | PF_USER | PF_FETCH. */
static bool fault_is(const struct trap_catch *tc, uint64_t va, uint64_t want)
{
    uint64_t mask = PF_PRESENT | PF_WRITE | PF_USER | PF_FETCH;
    return tc->vector == VEC_PAGE_FAULT && tc->cr2 == va && (tc->error_code & mask) == want;
}

/* frame_with: a fresh frame whose first word is WORD (and rest zero). */
static paddr_t frame_with(uint64_t word)
{
    uint64_t *p = pmm_alloc_page();
    if (!p)
        return 0;
    p[0] = word;
    return virt_to_phys(p);
}

static void frame_fill_ret(paddr_t pa)
{
    *(uint8_t *)phys_to_virt(pa) = RET_OPCODE;
}

KTEST(paging, map_lookup_translate_unmap)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t pa = pmm_alloc();
    KT_ASSERT(pa);
    KT_ASSERT(pt_lookup(t, TEST_VA) == NULL); /* no table covers it yet */
    KT_ASSERT(pt_translate(t, TEST_VA) == 0);
    KT_ASSERT(pt_map(t, TEST_VA, pa, PTE_WRITABLE | PTE_USER) == ERR_OK);
    pte_t *e = pt_lookup(t, TEST_VA);
    KT_ASSERT(e && (*e & PTE_PRESENT) && (*e & PTE_ADDR_MASK) == pa);
    KT_ASSERT(pt_translate(t, TEST_VA) == pa);
    KT_ASSERT(pt_translate(t, TEST_VA + 0x123) == pa + 0x123);
    KT_ASSERT(pt_translate(t, TEST_VA + PAGE_SIZE) == 0);
    KT_ASSERT(pt_translate(t, TEST_VA - PAGE_SIZE) == 0);
    KT_ASSERT(pt_translate(pt_kernel(), TEST_VA) == 0); /* other tables untouched */
    pt_unmap(t, TEST_VA);
    KT_ASSERT(pt_translate(t, TEST_VA) == 0);
    e = pt_lookup(t, TEST_VA);
    KT_ASSERT(e && !(*e & PTE_PRESENT));
    pt_unmap(t, TEST_VA); /* unmapping twice is harmless */
    pt_unmap(t, TEST_VA_FAR);
    pt_destroy(t);
    pmm_free(pa);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(paging, remap_replaces)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t a = pmm_alloc(), b = pmm_alloc();
    KT_ASSERT(a && b);
    KT_ASSERT(pt_map(t, TEST_VA, a, 0) == ERR_OK);
    KT_ASSERT(pt_map(t, TEST_VA, b, PTE_WRITABLE) == ERR_OK);
    KT_ASSERT(pt_translate(t, TEST_VA) == b);
    KT_ASSERT(*pt_lookup(t, TEST_VA) & PTE_WRITABLE);
    pt_destroy(t);
    pmm_free(a);
    pmm_free(b);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(paging, permission_bits)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t pa = pmm_alloc();
    KT_ASSERT(pa);
    static const uint64_t combos[] = {0, PTE_WRITABLE, PTE_USER, PTE_NX,
                                      PTE_USER | PTE_WRITABLE | PTE_NX};
    const uint64_t bits = PTE_WRITABLE | PTE_USER | PTE_NX;
    bool ok = true;
    for (unsigned i = 0; i < sizeof combos / sizeof combos[0]; i++) {
        uint64_t va = TEST_VA + i * PAGE_SIZE;
        ok &= pt_map(t, va, pa, combos[i]) == ERR_OK;
        pte_t *e = pt_lookup(t, va);
        ok &= e && (*e & bits) == combos[i] && (*e & PTE_PRESENT);
    }
    /* pt_update_flags sets and clears independently */
    pt_update_flags(t, TEST_VA, PTE_WRITABLE | PTE_NX, 0);
    uint64_t after_set = *pt_lookup(t, TEST_VA) & bits;
    pt_update_flags(t, TEST_VA, PTE_USER, PTE_NX);
    uint64_t after_mixed = *pt_lookup(t, TEST_VA) & bits;
    paddr_t still = pt_translate(t, TEST_VA);
    pt_destroy(t);
    pmm_free(pa);
    KT_ASSERT(ok);
    KT_ASSERT(after_set == (PTE_WRITABLE | PTE_NX));
    KT_ASSERT(after_mixed == (PTE_WRITABLE | PTE_USER));
    KT_ASSERT(still == pa);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(paging, kernel_layout_shared_and_wx)
{
    pte_t *k = pt_kernel(), *t = pt_create();
    KT_ASSERT(t);
    uint64_t text = (uint64_t)_text_start, ro = (uint64_t)_rodata_start;
    uint64_t data = (uint64_t)_data_start;
    pte_t te = *pt_lookup(k, text), re = *pt_lookup(k, ro), de = *pt_lookup(k, data);
    /* the kernel half is shared by new tables */
    bool shared = pt_translate(t, text) == virt_to_phys(_text_start) &&
                  pt_translate(t, data) == virt_to_phys(_data_start);
    uint64_t dm = (uint64_t)phys_to_virt(0x12345678);
    pte_t *dme = pt_lookup(t, dm);
    bool huge = dme && (*dme & PTE_HUGE) && (*dme & PTE_NX) && (*dme & PTE_WRITABLE);
    paddr_t dm_pa = pt_translate(t, dm);
    bool user_half_empty = pt_translate(t, 0) == 0 && pt_lookup(t, TEST_VA) == NULL;
    pt_destroy(t);
    KT_ASSERT(!(te & PTE_WRITABLE) && !(te & PTE_NX) && !(te & PTE_USER)); /* R-X */
    KT_ASSERT(!(re & PTE_WRITABLE) && (re & PTE_NX));                      /* R-- */
    KT_ASSERT((de & PTE_WRITABLE) && (de & PTE_NX));                       /* RW- */
    KT_ASSERT(shared);
    KT_ASSERT(huge && dm_pa == 0x12345678);
    KT_ASSERT(user_half_empty);
    KT_ASSERT(read_cr0() & CR0_WP);
    KT_ASSERT(rdmsr(MSR_EFER) & EFER_NXE);
}

/* The TLB test's observations (filled with the test table active). */
struct tlb_result {
    bool read_a_faulted, read_b_faulted, ro_write_faulted, ro_fault_ok, unmapped_faulted,
        unmapped_fault_ok;
    uint64_t read_a, read_b;
};

static void tlb_probe(pte_t *t, paddr_t a, paddr_t b, struct tlb_result *r)
{
    struct trap_catch tc;
    uint64_t f = irq_save();
    pt_activate(t);
    r->read_a_faulted = catch_read(TEST_VA, &r->read_a, &tc);
    pt_map(t, TEST_VA, b, PTE_WRITABLE); /* must flush the cached A */
    r->read_b_faulted = catch_read(TEST_VA, &r->read_b, &tc);
    pt_update_flags(t, TEST_VA, 0, PTE_WRITABLE); /* must flush the writable entry */
    r->ro_write_faulted = catch_write(TEST_VA, 0, &tc);
    r->ro_fault_ok = r->ro_write_faulted && fault_is(&tc, TEST_VA, PF_WRITE | PF_PRESENT);
    pt_unmap(t, TEST_VA); /* must flush */
    uint64_t dummy;
    r->unmapped_faulted = catch_read(TEST_VA, &dummy, &tc);
    r->unmapped_fault_ok = r->unmapped_faulted && fault_is(&tc, TEST_VA, 0);
    pt_activate(pt_kernel());
    irq_restore(f);
}

KTEST(paging, tlb_flush_on_change)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t a = frame_with(PATTERN_A), b = frame_with(PATTERN_B);
    KT_ASSERT(a && b);
    KT_ASSERT(pt_map(t, TEST_VA, a, PTE_WRITABLE) == ERR_OK); /* kernel-only page */
    struct tlb_result r;
    tlb_probe(t, a, b, &r);
    pt_destroy(t);
    pmm_free(a);
    pmm_free(b);
    KT_ASSERT(!r.read_a_faulted && r.read_a == PATTERN_A);
    KT_ASSERT(!r.read_b_faulted && r.read_b == PATTERN_B);
    KT_ASSERT(r.ro_fault_ok);
    KT_ASSERT(r.unmapped_fault_ok);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(paging, set_writable_in_place)
{
    /* the writable bit is set on the present PTE itself: its frame, other
     * flags and accessed/dirty bits stay; nothing happens to an unmapped
     * page */
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t pa = pmm_alloc();
    KT_ASSERT(pa);
    bool ok = pt_map(t, TEST_VA, pa, PTE_USER | PTE_NX) == ERR_OK;
    pt_update_flags(t, TEST_VA, PTE_ACCESSED | PTE_DIRTY, 0);
    ok &= pt_set_writable(t, TEST_VA);
    pte_t e = *pt_lookup(t, TEST_VA);
    ok &= !pt_set_writable(t, TEST_VA + PAGE_SIZE) && !pt_set_writable(t, TEST_VA_FAR);
    ok &= pt_translate(t, TEST_VA + PAGE_SIZE) == 0 && pt_lookup(t, TEST_VA_FAR) == NULL;
    pt_destroy(t);
    pmm_free(pa);
    KT_ASSERT(ok);
    KT_ASSERT(e ==
              (pa | PTE_PRESENT | PTE_WRITABLE | PTE_USER | PTE_NX | PTE_ACCESSED | PTE_DIRTY));
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(paging, destroy_frees_all_tables)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t pa = pmm_alloc();
    KT_ASSERT(pa);
    static const uint64_t vas[] = {
        0x1000,
        TEST_VA,
        TEST_VA + PD_SPAN,
        PDPT_SPAN,
        3 * PDPT_SPAN + PD_SPAN,
        PML4_SPAN,
        PML4_SPAN + 5 * PDPT_SPAN,
        TEST_VA_FAR,
        USER_TOP - PAGE_SIZE,
    };
    bool ok = true;
    for (unsigned i = 0; i < sizeof vas / sizeof vas[0]; i++)
        ok &= pt_map(t, vas[i], pa, PTE_USER) == ERR_OK;
    size_t used = start - pmm_free_count();
    for (unsigned i = 0; i < sizeof vas / sizeof vas[0]; i++)
        ok &= pt_translate(t, vas[i]) == pa;
    pt_destroy(t);
    pmm_free(pa);
    KT_ASSERT(ok);
    KT_ASSERT(used > 10); /* PML4 + PDPTs + PDs + PTs + the frame */
    KT_ASSERT(pmm_free_count() == start);
}

static uint64_t lazy_seen_cr3; /* the table lazy_probe ran on */

/* lazy_probe: a kernel thread's body: note the table it runs on. */
static void lazy_probe(void *arg)
{
    (void)arg;
    lazy_seen_cr3 = read_cr3() & PTE_ADDR_MASK;
}

/* A kernel thread (no process) keeps the table that is loaded, as Linux's
 * lazy TLB mode (proc/process.c process_activate); destroying that table
 * loads the kernel's first. Runs with no process alive (ktests at boot),
 * so nothing else loads a table meanwhile. */
KTEST(paging, kernel_thread_keeps_loaded_table)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    uint64_t f = irq_save();
    pt_activate(t); /* as if a process ran last */
    irq_restore(f);
    lazy_seen_cr3 = 0;
    struct thread *k = thread_create("lazy-probe", PRIORITY_DEFAULT, lazy_probe, NULL);
    if (k)
        thread_join(k);
    bool kept = lazy_seen_cr3 == virt_to_phys(t);
    bool still = (read_cr3() & PTE_ADDR_MASK) == virt_to_phys(t);
    pt_destroy(t); /* still loaded: it switches to the kernel's first */
    KT_ASSERT(k);
    KT_ASSERT(kept);
    KT_ASSERT(still);
    KT_ASSERT((read_cr3() & PTE_ADDR_MASK) == virt_to_phys(pt_kernel()));
    KT_ASSERT(pmm_free_count() == start);
}

/* hoard: take every free frame but KEEP, chained through their first
 * words; returns the chain head (physical) or 0. */
static paddr_t hoard(size_t keep)
{
    paddr_t head = 0, pa;
    while (pmm_free_count() > keep && (pa = pmm_alloc()) != 0) {
        *(paddr_t *)phys_to_virt(pa) = head;
        head = pa;
    }
    return head;
}

static void unhoard(paddr_t head)
{
    while (head) {
        paddr_t next = *(paddr_t *)phys_to_virt(head);
        pmm_free(head);
        head = next;
    }
}

KTEST(paging, map_out_of_memory)
{
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    KT_ASSERT(t);
    paddr_t head = hoard(1); /* enough for one table page, not three */
    int rc = pt_map(t, TEST_VA_FAR, 0x1000, 0);
    paddr_t tr = pt_translate(t, TEST_VA_FAR);
    pt_destroy(t);
    unhoard(head);
    KT_ASSERT(rc == ERR_NO_MEMORY);
    KT_ASSERT(tr == 0);
    KT_ASSERT(pmm_free_count() == start);
}

KTEST(paging, nx_data_and_heap)
{
    struct trap_catch tc;
    bool data_faulted = catch_call((code_fn *)(void *)data_ret, &tc);
    bool data_ok = data_faulted && fault_is(&tc, (uint64_t)data_ret, PF_FETCH | PF_PRESENT);
    uint8_t *heap = kmalloc(16);
    KT_ASSERT(heap);
    heap[0] = RET_OPCODE;
    bool heap_faulted = catch_call((code_fn *)(void *)heap, &tc);
    bool heap_ok = heap_faulted && fault_is(&tc, (uint64_t)heap, PF_FETCH | PF_PRESENT);
    kfree(heap);
    KT_ASSERT(data_ok);
    KT_ASSERT(heap_ok);
    /* and code in .text still runs */
    KT_ASSERT(!catch_call(text_target, &tc));
}

KTEST(paging, write_protect_rodata_and_text)
{
    struct trap_catch tc;
    uint64_t ro = (uint64_t)&rodata_word, text = (uint64_t)text_target;
    KT_ASSERT(ro >= (uint64_t)_rodata_start && ro < (uint64_t)_data_start);
    bool ro_faulted = catch_write(ro, 0, &tc);
    bool ro_ok = ro_faulted && fault_is(&tc, ro, PF_WRITE | PF_PRESENT);
    bool text_faulted = catch_write(text, 0, &tc);
    bool text_ok = text_faulted && fault_is(&tc, text, PF_WRITE | PF_PRESENT);
    KT_ASSERT(ro_ok);
    KT_ASSERT(rodata_word == 0x0123456789abcdeful);
    KT_ASSERT(text_ok);
}

/* The SMEP/SMAP probes' observations. */
struct user_probe {
    bool user_faulted, fault_ok, kernel_faulted, stac_faulted;
    uint64_t value;
};

static void smep_probe(pte_t *t, struct user_probe *r)
{
    struct trap_catch tc;
    uint64_t f = irq_save();
    pt_activate(t);
    r->user_faulted = catch_call((code_fn *)TEST_VA, &tc);
    r->fault_ok = r->user_faulted && fault_is(&tc, TEST_VA, PF_FETCH | PF_PRESENT);
    r->kernel_faulted = catch_call((code_fn *)(TEST_VA + PAGE_SIZE), &tc);
    pt_activate(pt_kernel());
    irq_restore(f);
}

KTEST(paging, smep)
{
    if (!paging_has_smep()) {
        printf("  note: CPU without SMEP; paging/smep passes trivially\n");
        return;
    }
    KT_ASSERT(read_cr4() & CR4_SMEP);
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    paddr_t pa = frame_with(0);
    KT_ASSERT(t && pa);
    frame_fill_ret(pa);
    /* the same code, once as a user page, once as a kernel page */
    KT_ASSERT(pt_map(t, TEST_VA, pa, PTE_USER) == ERR_OK);
    KT_ASSERT(pt_map(t, TEST_VA + PAGE_SIZE, pa, 0) == ERR_OK);
    struct user_probe r;
    smep_probe(t, &r);
    pt_destroy(t);
    pmm_free(pa);
    KT_ASSERT(r.user_faulted);
    KT_ASSERT(r.fault_ok);
    KT_ASSERT(!r.kernel_faulted);
    KT_ASSERT(pmm_free_count() == start);
}

static void smap_probe(pte_t *t, struct user_probe *r)
{
    struct trap_catch tc;
    uint64_t f = irq_save();
    pt_activate(t);
    uint64_t dummy;
    r->user_faulted = catch_read(TEST_VA, &dummy, &tc);
    r->fault_ok = r->user_faulted && fault_is(&tc, TEST_VA, PF_PRESENT);
    r->stac_faulted = catch_read_stac(TEST_VA, &r->value, &tc);
    pt_activate(pt_kernel());
    irq_restore(f);
}

KTEST(paging, smap)
{
    if (!paging_has_smap()) {
        printf("  note: CPU without SMAP; paging/smap passes trivially\n");
        return;
    }
    KT_ASSERT(read_cr4() & CR4_SMAP);
    size_t start = pmm_free_count();
    pte_t *t = pt_create();
    paddr_t pa = frame_with(PATTERN_A);
    KT_ASSERT(t && pa);
    KT_ASSERT(pt_map(t, TEST_VA, pa, PTE_USER | PTE_WRITABLE | PTE_NX) == ERR_OK);
    struct user_probe r;
    smap_probe(t, &r);
    pt_destroy(t);
    pmm_free(pa);
    KT_ASSERT(r.user_faulted);
    KT_ASSERT(r.fault_ok);
    KT_ASSERT(!r.stac_faulted && r.value == PATTERN_A);
    KT_ASSERT(!(read_rflags() & RFLAGS_AC)); /* AC clear again */
    KT_ASSERT(pmm_free_count() == start);
}
