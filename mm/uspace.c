/* Eager user address spaces (see uspace.h). Page permissions: user pages
 * are PTE_USER, writable only if asked, NX unless executable. The caller
 * serialises changes to one address space (only its process touches it). */
#include "kernel/string.h"
#include "mm/uframe.h"
#include "mm/uspace.h"

/* prot_flags: PTE bits for PROT. */
static uint64_t prot_flags(unsigned prot)
{
    uint64_t f = PTE_USER;
    if (prot & USPACE_WRITABLE)
        f |= PTE_WRITABLE;
    if (!(prot & USPACE_EXEC))
        f |= PTE_NX;
    return f;
}

pte_t *uspace_create(void)
{
    return pt_create();
}

static int free_frame(uint64_t va, pte_t *pte, void *arg)
{
    (void)va, (void)arg;
    uframe_free(phys_to_virt(*pte & PTE_ADDR_MASK));
    *pte = 0;
    return 0;
}

void uspace_destroy(pte_t *pml4)
{
    if (!pml4)
        return;
    pt_walk_user(pml4, free_frame, NULL);
    pt_destroy(pml4);
}

void *uspace_map_new(pte_t *pml4, uint64_t va, unsigned prot)
{
    pte_t *pte = pt_lookup(pml4, va);
    if (pte && (*pte & PTE_PRESENT)) {
        uint64_t set = prot & USPACE_WRITABLE ? PTE_WRITABLE : 0;
        uint64_t clear = prot & USPACE_EXEC ? PTE_NX : 0;
        pt_update_flags(pml4, va, set, clear);
        return phys_to_virt(*pte & PTE_ADDR_MASK);
    }
    void *kva = uframe_alloc();
    if (!kva)
        return NULL;
    if (pt_map(pml4, va, virt_to_phys(kva), prot_flags(prot)) < 0) {
        uframe_free(kva);
        return NULL;
    }
    return kva;
}

/* copy_page: pt_walk_user callback duplicating one page into ARG's table. */
static int copy_page(uint64_t va, pte_t *pte, void *arg)
{
    pte_t *dst = arg;
    void *kva = uframe_alloc();
    if (!kva)
        return 1;
    memcpy(kva, phys_to_virt(*pte & PTE_ADDR_MASK), PAGE_SIZE);
    uint64_t flags = *pte & (PTE_USER | PTE_WRITABLE | PTE_NX);
    if (pt_map(dst, va, virt_to_phys(kva), flags) < 0) {
        uframe_free(kva);
        return 1;
    }
    return 0;
}

pte_t *uspace_copy(pte_t *src)
{
    pte_t *dst = uspace_create();
    if (!dst)
        return NULL;
    if (pt_walk_user(src, copy_page, dst)) {
        uspace_destroy(dst);
        return NULL;
    }
    return dst;
}

void *uspace_kva(pte_t *pml4, uint64_t va)
{
    pte_t *pte = pt_lookup(pml4, PAGE_ROUND_DOWN(va));
    if (!pte || !(*pte & PTE_PRESENT) || !(*pte & PTE_USER))
        return NULL;
    return phys_to_virt(*pte & PTE_ADDR_MASK);
}
