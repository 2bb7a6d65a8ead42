/* lazy-text: the pages of the executable are read from the file on first
 * touch, not at exec. Three pages nothing has touched yet: a text page
 * holding one function, a read-only data page (both in the R-X segment),
 * and a page of initialized data (the RW- segment). Each is not resident
 * (int $0x42 gives 0) until it is used; it then holds what the file holds.
 * The text and read-only pages are defined in assembly, page aligned and
 * padded to a page, so that nothing else shares them. */
#include "lib.h"

#include <stdalign.h>

#define FAR_VALUE 42
#define FAR_BYTE 0x5a
#define DATA_VALUE 7
#define DATA_INDEX (PAGE_SIZE + 100)

/* lazy_far_function: returns FAR_VALUE; alone on its text page. */
int lazy_far_function(void);
/* lazy_far_data: a page of FAR_BYTE bytes; alone on its read-only page. */
extern const volatile unsigned char lazy_far_data[PAGE_SIZE];

#define STR_(x) #x
#define STR(x) STR_(x)
__asm__(".pushsection .text.lazy_far, \"ax\", @progbits\n"
        ".p2align 12\n"
        ".globl lazy_far_function\n"
        ".type lazy_far_function, @function\n"
        "lazy_far_function:\n"
        "    movl $" STR(FAR_VALUE) ", %eax\n"
                                    "    ret\n"
                                    ".size lazy_far_function, . - lazy_far_function\n"
                                    ".p2align 12, 0xcc\n"
                                    ".popsection\n"
                                    ".pushsection .rodata.lazy_far, \"a\", @progbits\n"
                                    ".p2align 12\n"
                                    ".globl lazy_far_data\n"
                                    ".type lazy_far_data, @object\n"
                                    "lazy_far_data:\n"
                                    ".fill 4096, 1, " STR(FAR_BYTE) "\n"
                                                                    ".size lazy_far_data, 4096\n"
                                                                    ".popsection\n");

/* Three pages of initialized data; the middle one is checked. */
static alignas(PAGE_SIZE) volatile char data[3 * PAGE_SIZE] = {[DATA_INDEX] = DATA_VALUE};

void test_main(void)
{
    const void *text = (const void *)(uintptr_t)lazy_far_function;
    CHECK(get_phys_addr(text) == 0, "a text page not run yet is not resident");
    CHECK(lazy_far_function() == FAR_VALUE, "the function on it returns %d", FAR_VALUE);
    CHECK(get_phys_addr(text) != 0, "now its page is resident");

    const void *ro = (const void *)lazy_far_data;
    CHECK(get_phys_addr(ro) == 0, "a read-only data page not read yet is not resident");
    CHECK(lazy_far_data[0] == FAR_BYTE && lazy_far_data[PAGE_SIZE - 1] == FAR_BYTE,
          "it reads as the executable holds it");
    CHECK(get_phys_addr(ro) != 0, "now its page is resident");

    const void *rw = (const void *)&data[PAGE_SIZE];
    CHECK(get_phys_addr(rw) == 0, "a data page not touched yet is not resident");
    CHECK(data[DATA_INDEX] == DATA_VALUE && data[PAGE_SIZE] == 0, "it reads as initialized");
    CHECK(get_phys_addr(rw) != 0, "now its page is resident");
}
