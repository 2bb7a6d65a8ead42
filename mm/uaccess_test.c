/* Unit tests of user-memory access (suite uaccess): range checks, fault
 * recovery through the exception table (NULL, unmapped, read-only), and
 * strings across a page boundary. The mapped cases build a small user
 * address space and run with it loaded and interrupts off (the scheduler
 * would load the kernel table for this thread at the next switch). */
#include <stdint.h>
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "mm/uaccess.h"
#include "mm/pmm.h"
#include "mm/paging.h"

#define TEST_VA  0x400000ul /* two pages: writable, then read-only */
#define TEST_STR "across-a-page-boundary"

KTEST(uaccess, null_faults)
{
    char buf[8];
    KT_ASSERT(copy_from_user(buf, NULL, sizeof buf) == ERR_FAULT);
    KT_ASSERT(copy_to_user(NULL, buf, sizeof buf) == ERR_FAULT);
    KT_ASSERT(strncpy_from_user(buf, NULL, sizeof buf) == ERR_FAULT);
}

KTEST(uaccess, kernel_ranges_rejected)
{
    char buf[8];
    KT_ASSERT(!uaccess_range_ok(USER_TOP, 1));
    KT_ASSERT(!uaccess_range_ok(USER_TOP - 4, 8));
    KT_ASSERT(!uaccess_range_ok(PAGE_SIZE, SIZE_MAX));
    KT_ASSERT(uaccess_range_ok(USER_TOP - 8, 8));
    KT_ASSERT(copy_from_user(buf, (void *)buf, sizeof buf) == ERR_FAULT); /* kernel stack */
    KT_ASSERT(strncpy_from_user(buf, (const char *)(USER_TOP - 1), sizeof buf) == ERR_FAULT);
}

struct mapped_results {
    long str_len;
    int copy_ro_write, copy_ro_read, copy_into_gap;
    char str[sizeof TEST_STR];
};

/* run_mapped: the accesses that need PML4 loaded (interrupts off). */
static void run_mapped(pte_t *pml4, struct mapped_results *r)
{
    uint64_t f = irq_save();
    uint64_t old_cr3 = read_cr3();
    pt_activate(pml4);
    char *ua = (char *)(TEST_VA + PAGE_SIZE - sizeof TEST_STR / 2);
    r->str_len = strncpy_from_user(r->str, ua, sizeof r->str);
    r->copy_ro_write = copy_to_user((void *)(TEST_VA + PAGE_SIZE), "x", 1);
    char c;
    r->copy_ro_read = copy_from_user(&c, (void *)(TEST_VA + PAGE_SIZE), 1);
    r->copy_into_gap = copy_from_user(&c, (void *)(TEST_VA + 2 * PAGE_SIZE - 1), 2);
    write_cr3(old_cr3);
    irq_restore(f);
}

/* test_map: a zeroed frame mapped at user page VA of PML4 (writable or
 * read-only), or NULL. */
static char *test_map(pte_t *pml4, uint64_t va, bool writable)
{
    char *kva = pmm_alloc_page();
    uint64_t flags = PTE_USER | PTE_NX | (writable ? PTE_WRITABLE : 0);
    if (kva && pt_map(pml4, va, virt_to_phys(kva), flags) < 0) {
        pmm_free_page(kva);
        kva = NULL;
    }
    return kva;
}

/* test_unmap: undo test_map of KVA (NULL ignored). */
static void test_unmap(pte_t *pml4, uint64_t va, char *kva)
{
    if (!kva)
        return;
    pt_unmap(pml4, va);
    pmm_free_page(kva);
}

KTEST(uaccess, mapped_pages)
{
    pte_t *pml4 = pt_create();
    KT_ASSERT(pml4);
    char *p0 = test_map(pml4, TEST_VA, true);
    char *p1 = test_map(pml4, TEST_VA + PAGE_SIZE, false);
    struct mapped_results r;
    if (p0 && p1) {
        size_t half = sizeof TEST_STR / 2;
        memcpy(p0 + PAGE_SIZE - half, TEST_STR, half);
        memcpy(p1, &TEST_STR[half], sizeof TEST_STR - half);
        run_mapped(pml4, &r);
    }
    test_unmap(pml4, TEST_VA, p0);
    test_unmap(pml4, TEST_VA + PAGE_SIZE, p1);
    pt_destroy(pml4);
    KT_ASSERT(p0 && p1);
    KT_ASSERT(r.str_len == (long)strlen(TEST_STR));
    KT_ASSERT(!strcmp(r.str, TEST_STR));
    KT_ASSERT(r.copy_ro_write == ERR_FAULT);
    KT_ASSERT(r.copy_ro_read == ERR_OK);
    KT_ASSERT(r.copy_into_gap == ERR_FAULT);
}

KTEST(uaccess, string_too_long)
{
    size_t free_before = pmm_free_count();
    pte_t *pml4 = pt_create();
    KT_ASSERT(pml4);
    char *p0 = test_map(pml4, TEST_VA, true);
    long n = 0;
    char buf[4];
    if (p0) {
        memset(p0, 'a', PAGE_SIZE);
        uint64_t f = irq_save();
        uint64_t old_cr3 = read_cr3();
        pt_activate(pml4);
        n = strncpy_from_user(buf, (const char *)TEST_VA, sizeof buf);
        write_cr3(old_cr3);
        irq_restore(f);
    }
    test_unmap(pml4, TEST_VA, p0);
    pt_destroy(pml4);
    KT_ASSERT(p0);
    KT_ASSERT(n == ERR_NAME_TOO_LONG);
    KT_ASSERT(pmm_free_count() == free_before);
}
