/* Virtual memory layout of the kernel (x86-64, 4-level paging).
 *
 *   0x0000000000000000 .. 0x0000008004000000  user space (ABI.md)
 *   0xffff800000000000 ..                     direct map of all physical RAM
 *   0xffffc00000000000 ..                     kernel thread stacks, each
 *                                             below an unmapped guard page
 *   0xffffffff80000000 ..                     kernel image (linked here,
 *                                             loaded at KERNEL_PHYS_BASE)
 */
#pragma once
#include <stdint.h>
#include "user/include/abi.h" /* USER_TOP */

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1ul << PAGE_SHIFT)
#define PAGE_MASK  (PAGE_SIZE - 1)

#define KERNEL_VMA         0xffffffff80000000ul
#define KERNEL_PHYS_BASE   0x100000ul
#define KERNEL_HALF_BASE   0xffff800000000000ul /* PML4 slots 256..511, shared */
#define DIRECT_MAP_BASE    KERNEL_HALF_BASE
#define KSTACK_REGION_BASE 0xffffc00000000000ul
#define KSTACK_REGION_SIZE (1ul << 39) /* one PML4 slot */

typedef uint64_t paddr_t;

#define PAGE_ROUND_DOWN(x) ((x) & ~PAGE_MASK)
#define PAGE_ROUND_UP(x)   (((x) + PAGE_MASK) & ~PAGE_MASK)

/* phys_to_virt: kernel address of physical address PA in the direct map. */
static inline void *phys_to_virt(paddr_t pa)
{
    return (void *)(pa + DIRECT_MAP_BASE);
}

/* paging_kernel_virt_to_phys: the slow path of virt_to_phys: a walk of the
 * kernel page table (mm/paging.c). */
paddr_t paging_kernel_virt_to_phys(uint64_t va);

/* virt_to_phys: physical address of a kernel address: direct map and kernel
 * image by arithmetic, anything else (thread stacks) by a table walk. */
static inline paddr_t virt_to_phys(const void *va)
{
    uint64_t v = (uint64_t)va;
    if (v >= KERNEL_VMA)
        return v - KERNEL_VMA;
    if (v >= DIRECT_MAP_BASE && v < KSTACK_REGION_BASE)
        return v - DIRECT_MAP_BASE;
    return paging_kernel_virt_to_phys(v);
}
