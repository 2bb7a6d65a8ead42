/* Page-table mechanism. paging_init replaces the boot tables with:
 *   - the direct map: physical [0, max(RAM end, 4 GiB)) at DIRECT_MAP_BASE
 *     in 2 MiB pages, writable, NX (it also covers the PCI hole's MMIO);
 *   - the kernel image at KERNEL_VMA in 4 KiB pages, by section: text R-X,
 *     rodata R-- NX, data/bss RW- NX (W^X);
 *   - an empty PDPT for the thread-stack region (mm/kstack.c), created now
 *     so that every address space, which copies the kernel's PML4 slots at
 *     creation, shares the stacks mapped there later.
 * Nothing is mapped at low addresses any more, so NULL dereferences fault.
 * Table pages come from the frame allocator, zero-filled. */
#include "boot/boot.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "mm/paging.h"
#include "mm/pmm.h"

#define PT_LEVELS          4
#define PML4_KERNEL_FIRST  256
#define FOUR_GIB           (4ull << 30)
#define CPUID_EXT_FEATURES 7
#define CPUID7_EBX_SMEP    (1u << 7)
#define CPUID7_EBX_SMAP    (1u << 20)
/* Intermediate entries are permissive; the leaf decides the access. */
#define PT_TABLE_FLAGS        (PTE_PRESENT | PTE_WRITABLE | PTE_USER)
#define PT_KERNEL_TABLE_FLAGS (PTE_PRESENT | PTE_WRITABLE)

static pte_t *kernel_pml4;
static bool has_smep, has_smap;

/* pt_index: VA's entry in its table at LEVEL (3 = PML4 ... 0 = PT). */
static unsigned pt_index(uint64_t va, int level)
{
    return (va >> (PAGE_SHIFT + PT_INDEX_BITS * level)) & (PT_ENTRIES - 1);
}

static pte_t *pte_table(pte_t e)
{
    return phys_to_virt(e & PTE_ADDR_MASK);
}

/* walk: the entry for VA at level STOP, creating tables when CREATE. */
static pte_t *walk(pte_t *pml4, uint64_t va, int stop, bool create)
{
    pte_t *table = pml4;
    for (int level = PT_LEVELS - 1; level > stop; level--) {
        pte_t *e = &table[pt_index(va, level)];
        if (!(*e & PTE_PRESENT)) {
            if (!create)
                return NULL;
            pte_t *page = pmm_alloc_page();
            if (!page)
                return NULL;
            *e = virt_to_phys(page) | (va < USER_TOP ? PT_TABLE_FLAGS : PT_KERNEL_TABLE_FLAGS);
        } else if (*e & PTE_HUGE) {
            return e;
        }
        table = pte_table(*e);
    }
    return &table[pt_index(va, stop)];
}

pte_t *pt_lookup(pte_t *pml4, uint64_t va)
{
    return walk(pml4, va, 0, false);
}

paddr_t pt_translate(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    if (!e || !(*e & PTE_PRESENT))
        return 0;
    if (*e & PTE_HUGE)
        return (*e & PTE_ADDR_MASK & ~(PT_LARGE_PAGE_SIZE - 1)) + (va & (PT_LARGE_PAGE_SIZE - 1));
    return (*e & PTE_ADDR_MASK) + (va & PAGE_MASK);
}

void pt_flush(pte_t *pml4, uint64_t va)
{
    if (va >= KERNEL_HALF_BASE || virt_to_phys(pml4) == (read_cr3() & PTE_ADDR_MASK))
        invlpg(va);
}

int pt_map(pte_t *pml4, uint64_t va, paddr_t pa, uint64_t flags)
{
    ASSERT((va & PAGE_MASK) == 0 && (pa & PAGE_MASK) == 0);
    pte_t *e = walk(pml4, va, 0, true);
    if (!e)
        return ERR_NO_MEMORY;
    ASSERT(!(*e & PTE_HUGE)); /* VA lies in a 2 MiB page (the direct map) */
    bool was_present = *e & PTE_PRESENT;
    *e = pa | flags | PTE_PRESENT;
    if (was_present)
        pt_flush(pml4, va);
    return ERR_OK;
}

int pt_prepare_table(pte_t *pml4, uint64_t va)
{
    return walk(pml4, va, 0, true) ? ERR_OK : ERR_NO_MEMORY;
}

void pt_unmap(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    if (e && (*e & PTE_PRESENT)) {
        *e = 0;
        pt_flush(pml4, va);
    }
}

/* pte_update: *E = (*E & ~CLEAR) | SET as one step; returns the old
 * value. The CPU sets a PTE's accessed and dirty bits as it uses it
 * (Intel SDM 4.8), and the page's owner may run whenever the caller is
 * preempted: the read and the write must not be split. The kernel is
 * uniprocessor, so interrupts off make them one step; a locked
 * instruction would too, but costs several times more under QEMU's TCG. */
static pte_t pte_update(pte_t *e, pte_t clear, pte_t set)
{
    uint64_t f = irq_save();
    pte_t old = *e;
    *e = (old & ~clear) | set;
    irq_restore(f);
    return old;
}

bool pt_unmap_dirty(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    if (!e || !(*e & PTE_PRESENT))
        return false;
    bool dirty = pte_update(e, ~(pte_t)0, 0) & PTE_DIRTY;
    pt_flush(pml4, va);
    return dirty;
}

bool pt_test_and_clear_accessed(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    if (!e || !(*e & PTE_PRESENT) || !(*e & PTE_ACCESSED))
        return false;
    pte_update(e, PTE_ACCESSED, 0); /* keeps a dirty bit set meanwhile */
    pt_flush(pml4, va);
    return true;
}

bool pt_write_protect(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    if (!e || !(*e & PTE_PRESENT))
        return false;
    bool dirty = pte_update(e, PTE_WRITABLE, 0) & PTE_DIRTY;
    pt_flush(pml4, va);
    return dirty;
}

bool pt_set_writable(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    if (!e || !(*e & PTE_PRESENT))
        return false;
    pte_update(e, 0, PTE_WRITABLE); /* keeps the accessed and dirty bits */
    pt_flush(pml4, va);
    return true;
}

bool pt_is_dirty(pte_t *pml4, uint64_t va)
{
    pte_t *e = pt_lookup(pml4, va);
    return e && (*e & PTE_PRESENT) && (*e & PTE_DIRTY);
}

void pt_update_flags(pte_t *pml4, uint64_t va, uint64_t set, uint64_t clear)
{
    pte_t *e = pt_lookup(pml4, va);
    ASSERT(e && (*e & PTE_PRESENT));
    *e = (*e | set) & ~clear;
    pt_flush(pml4, va);
}

/* map_huge_2m: map one 2 MiB page of the direct map; out of frames (boot
 * only) the machine has too little memory: boot_fail. */
static void map_huge_2m(pte_t *pml4, uint64_t va, paddr_t pa, uint64_t flags)
{
    pte_t *e = walk(pml4, va, 1, true);
    if (!e)
        boot_fail("out of memory for the direct map");
    *e = pa | flags | PTE_PRESENT | PTE_HUGE;
}

static void map_kernel_range(char *start, char *end, uint64_t flags)
{
    for (uint64_t va = (uint64_t)start; va < (uint64_t)end; va += PAGE_SIZE)
        if (pt_map(kernel_pml4, va, virt_to_phys((void *)va), flags | PTE_GLOBAL) < 0)
            boot_fail("out of memory mapping the kernel");
}

static void enable_protection(void)
{
    uint32_t a, b, c, d;
    cpuid(CPUID_EXT_FEATURES, 0, &a, &b, &c, &d);
    has_smep = b & CPUID7_EBX_SMEP;
    has_smap = b & CPUID7_EBX_SMAP;
    uint64_t cr4 = read_cr4() | CR4_PGE;
    if (has_smep)
        cr4 |= CR4_SMEP;
    if (has_smap)
        cr4 |= CR4_SMAP;
    write_cr4(cr4);
    write_cr0(read_cr0() | CR0_WP);
}

void paging_init(void)
{
    kernel_pml4 = pmm_alloc_page();
    if (!kernel_pml4)
        boot_fail("out of memory for the kernel page table");
    paddr_t end = pmm_max_phys() > FOUR_GIB ? pmm_max_phys() : FOUR_GIB;
    for (paddr_t pa = 0; pa < end; pa += PT_LARGE_PAGE_SIZE)
        map_huge_2m(kernel_pml4, DIRECT_MAP_BASE + pa, pa, PTE_WRITABLE | PTE_NX);
    map_kernel_range(_text_start, _text_end, 0);
    map_kernel_range(_rodata_start, _rodata_end, PTE_NX);
    map_kernel_range(_data_start, _data_end, PTE_WRITABLE | PTE_NX);
    map_kernel_range(_data_end, _kernel_end, PTE_NX); /* .ksyms */
    /* The page below the boot stack (the boot page directory, unused from
     * here on) becomes the guard page of the main thread's stack. */
    pt_unmap(kernel_pml4, (uint64_t)boot_stack_bottom - PAGE_SIZE);
    if (!walk(kernel_pml4, KSTACK_REGION_BASE, PT_LEVELS - 2, true))
        boot_fail("out of memory for the kernel stack region");
    enable_protection();
    pt_activate(kernel_pml4);
}

pte_t *pt_kernel(void)
{
    return kernel_pml4;
}

void pt_activate(pte_t *pml4)
{
    write_cr3(virt_to_phys(pml4));
}

pte_t *pt_create(void)
{
    pte_t *pml4 = pmm_alloc_page();
    if (!pml4)
        return NULL;
    for (int i = PML4_KERNEL_FIRST; i < PT_ENTRIES; i++)
        pml4[i] = kernel_pml4[i];
    return pml4;
}

/* free_level: free the table TABLE at LEVEL and every table below it. */
static void free_level(pte_t *table, int level)
{
    if (level > 0) {
        for (int i = 0; i < PT_ENTRIES; i++)
            if ((table[i] & PTE_PRESENT) && !(table[i] & PTE_HUGE))
                free_level(pte_table(table[i]), level - 1);
    }
    pmm_free_page(table);
}

void pt_destroy(pte_t *pml4)
{
    ASSERT(pml4 != kernel_pml4);
    uint64_t f = irq_save();
    if (virt_to_phys(pml4) == (read_cr3() & PTE_ADDR_MASK))
        pt_activate(kernel_pml4); /* still loaded: a kernel thread ran on it last */
    irq_restore(f);
    for (int i = 0; i < PML4_KERNEL_FIRST; i++)
        if (pml4[i] & PTE_PRESENT)
            free_level(pte_table(pml4[i]), PT_LEVELS - 2);
    pmm_free_page(pml4);
}

/* walk_level: pt_walk_user below TABLE at LEVEL covering BASE. */
static int walk_level(pte_t *table, int level, uint64_t base, pt_walk_fn *fn, void *arg)
{
    for (int i = 0; i < PT_ENTRIES; i++) {
        if (!(table[i] & PTE_PRESENT))
            continue;
        uint64_t va = base + i * PT_LEVEL_SPAN(level);
        int r;
        if (level == 0)
            r = fn(va, &table[i], arg);
        else if (table[i] & PTE_HUGE)
            r = 0; /* never in a user half */
        else
            r = walk_level(pte_table(table[i]), level - 1, va, fn, arg);
        if (r)
            return r;
    }
    return 0;
}

int pt_walk_user(pte_t *pml4, pt_walk_fn *fn, void *arg)
{
    for (int i = 0; i < PML4_KERNEL_FIRST; i++) {
        if (!(pml4[i] & PTE_PRESENT))
            continue;
        int r = walk_level(pte_table(pml4[i]), PT_LEVELS - 2, i * PT_LEVEL_SPAN(PT_LEVELS - 1), fn,
                           arg);
        if (r)
            return r;
    }
    return 0;
}

paddr_t paging_kernel_virt_to_phys(uint64_t va)
{
    paddr_t pa = pt_translate(kernel_pml4, va);
    if (!pa)
        panic("virt_to_phys: 0x%lx is not mapped", va);
    return pa;
}

bool paging_has_smep(void)
{
    return has_smep;
}
bool paging_has_smap(void)
{
    return has_smap;
}
