/* phys-addr: int 0x42 maps a resident user page to the kernel address of
 * its frame (page aligned), gives the same answer for two addresses in one
 * page and different answers for different resident pages, and 0 for a
 * page that is not mapped or not in user space. */
#include "lib.h"

#include <stdalign.h>

/* An address no program maps (the mmap area, nothing mapped there). */
#define UNMAPPED_ADDR ((const void *)0x10000000)
/* First address of kernel space (ABI.md). */
#define KERNEL_ADDR ((const void *)0x8004000000)

static alignas(PAGE_SIZE) char pages[2 * PAGE_SIZE];

void test_main(void)
{
    pages[0] = 1;
    pages[PAGE_SIZE] = 2;
    uint64_t a = get_phys_addr(&pages[0]);
    uint64_t b = get_phys_addr(&pages[PAGE_SIZE - 1]);
    uint64_t c = get_phys_addr(&pages[PAGE_SIZE]);
    CHECK(a != 0 && a % PAGE_SIZE == 0, "a written page is resident, page aligned");
    CHECK(a == b, "two addresses in one page give the same frame");
    CHECK(c != 0 && c != a, "another page gives another frame");
    CHECK(get_phys_addr(UNMAPPED_ADDR) == 0, "an unmapped page gives 0");
    CHECK(get_phys_addr(KERNEL_ADDR) == 0, "a kernel address gives 0");
    CHECK(get_phys_addr((const void *)test_main) != 0, "the code page is resident");
}
