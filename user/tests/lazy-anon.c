/* lazy-anon: bss pages are zero-filled on first touch, not at exec: a page
 * of a static array that nothing has touched is not resident (int $0x42
 * gives 0); after a write it is, and holds what was written; its
 * neighbours, still untouched, are still not resident. Only writes touch
 * the array: a read of an untouched page may legitimately map a shared
 * zero frame. */
#include "lib.h"

#include <stdalign.h>

#define PAGES 64
#define TOUCHED 33
#define VALUE 0x5a

static alignas(PAGE_SIZE) volatile char bss[PAGES * PAGE_SIZE];

void test_main(void)
{
    volatile char *page = &bss[TOUCHED * PAGE_SIZE];
    CHECK(get_phys_addr((const void *)page) == 0, "an untouched bss page is not resident");
    page[1] = VALUE;
    CHECK(get_phys_addr((const void *)page) != 0, "after a write it is resident");
    CHECK(page[0] == 0 && page[1] == VALUE && page[PAGE_SIZE - 1] == 0,
          "it holds the byte written, zeros elsewhere");
    CHECK(get_phys_addr((const void *)(page - PAGE_SIZE)) == 0 &&
              get_phys_addr((const void *)(page + PAGE_SIZE)) == 0,
          "the pages on either side are still not resident");
    CHECK(get_phys_addr((const void *)&bss[(PAGES - 1) * PAGE_SIZE]) == 0,
          "nor is the last page of the array");
}
