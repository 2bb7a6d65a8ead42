/* User address spaces, loaded eagerly: every user page is backed by a
 * frame from uframe_alloc and mapped in the process's page table. This is
 * the stand-in the VM (supplemental page table, lazy loading) replaces; its
 * callers name pages by user virtual address only. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "mm/paging.h"

#define USPACE_WRITABLE 0x1
#define USPACE_EXEC     0x2

/* uspace_create: an empty address space (kernel half shared), or NULL. */
pte_t *uspace_create(void);
/* uspace_destroy: free every user frame, then the tables. */
void uspace_destroy(pte_t *pml4);
/* uspace_map_new: back page VA with a zeroed frame mapped user-accessible
 * with PROT (USPACE_*); returns its kernel address, or NULL when out of
 * frames or table pages. A page already mapped keeps its frame and gains
 * the permissions of PROT. */
void *uspace_map_new(pte_t *pml4, uint64_t va, unsigned prot);
/* uspace_copy: a new address space holding a copy of every page of SRC
 * (same permissions); NULL when out of memory (nothing leaks). */
pte_t *uspace_copy(pte_t *src);
/* uspace_kva: kernel address of the frame backing page VA, or NULL. */
void *uspace_kva(pte_t *pml4, uint64_t va);
