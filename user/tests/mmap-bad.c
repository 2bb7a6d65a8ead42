/* mmap-bad: every call ABI.md says fails returns NULL and changes
 * nothing: address 0 or unaligned, length 0, an unaligned or negative
 * offset, fd 0, 1, closed, out of range, a directory, an empty file, a
 * range over code, data, bss, the stack area or another mapping, into or
 * across kernel space, or wrapping. Ranges above the stack and one that
 * ends exactly at the end of user space work. */
#include "mapped.h"
#include "sample.h"

#define STACK_AREA_START (USER_STACK - USER_STACK_LIMIT)

static int data_var = 1;        /* a page of the data segment */
static char bss_var[PAGE_SIZE]; /* a page of the bss */

/* page_of: the page holding P. */
static char *page_of(const void *p)
{
    return (char *)((uintptr_t)p & ~(uintptr_t)(PAGE_SIZE - 1));
}

/* refused: the mmap call fails. */
static void refused(void *addr, size_t length, int fd, off_t offset, const char *what)
{
    CHECK(mmap(addr, length, 1, fd, offset) == NULL, "%s: NULL", what);
}

void test_main(void)
{
    int fd = open_or_fail("sample.txt");
    refused(NULL, PAGE_SIZE, fd, 0, "address 0");
    refused(MAP_ADDR + 1, PAGE_SIZE, fd, 0, "an unaligned address");
    refused(MAP_ADDR, 0, fd, 0, "length 0");
    refused(MAP_ADDR, PAGE_SIZE, fd, 100, "an unaligned offset");
    refused(MAP_ADDR, PAGE_SIZE, fd, -PAGE_SIZE, "a negative offset");
    refused(MAP_ADDR, PAGE_SIZE, 0, 0, "fd 0");
    refused(MAP_ADDR, PAGE_SIZE, 1, 0, "fd 1");
    refused(MAP_ADDR, PAGE_SIZE, -1, 0, "fd -1");
    refused(MAP_ADDR, PAGE_SIZE, 0x1CE - 0xC0FFEE, 0, "a huge negative fd");
    refused(MAP_ADDR, PAGE_SIZE, 100, 0, "an fd that is not open");
    int closed = open_or_fail("sample.txt");
    close(closed);
    refused(MAP_ADDR, PAGE_SIZE, closed, 0, "a closed fd");
    CHECK(mkdir("dir"), "mkdir \"dir\"");
    int dir = open_or_fail("dir");
    refused(MAP_ADDR, PAGE_SIZE, dir, 0, "a directory");
    CHECK(create("empty.dat", 0), "create \"empty.dat\"");
    int empty = open_or_fail("empty.dat");
    refused(MAP_ADDR, PAGE_SIZE, empty, 0, "an empty file");
    refused(page_of((const void *)(uintptr_t)test_main), PAGE_SIZE, fd, 0, "over code");
    refused(page_of(&data_var), PAGE_SIZE, fd, 0, "over data");
    refused(page_of(bss_var), PAGE_SIZE, fd, 0, "over the bss");
    char local;
    refused(page_of(&local), PAGE_SIZE, fd, 0, "over the stack");
    refused((char *)STACK_AREA_START, PAGE_SIZE, fd, 0, "over the stack area not grown yet");
    refused((char *)STACK_AREA_START - PAGE_SIZE, 2 * PAGE_SIZE, fd, 0,
            "a range that ends in the stack area");
    CHECK(mmap(MAP_ADDR, 2 * PAGE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap 2 pages at %p", MAP_ADDR);
    refused(MAP_ADDR, PAGE_SIZE, fd, 0, "the same address again");
    refused(MAP_ADDR + PAGE_SIZE, PAGE_SIZE, fd, 0, "over its second page");
    refused(MAP_ADDR - PAGE_SIZE, 2 * PAGE_SIZE, fd, 0, "a range that ends in it");
    refused(MAP_ADDR - PAGE_SIZE, 4 * PAGE_SIZE, fd, 0, "a range around it");
    refused((char *)USER_TOP, PAGE_SIZE, fd, 0, "kernel space");
    refused((char *)USER_TOP - PAGE_SIZE, 2 * PAGE_SIZE, fd, 0, "a range across into kernel space");
    refused((char *)-PAGE_SIZE, 2 * PAGE_SIZE, fd, 0, "a range that wraps");
    refused(MAP_ADDR2, (size_t)-PAGE_SIZE, fd, 0, "a length that wraps");
    refused(MAP_ADDR2, (size_t)-1, fd, 0, "the largest length");
    check_bytes(MAP_ADDR, sample, SAMPLE_LEN, "the mapping");
    msg("the mapping still holds the file's bytes");
    char *last = (char *)USER_TOP - PAGE_SIZE;
    CHECK(mmap(last, PAGE_SIZE, 0, fd, 0) == last, "a range that ends at the end of user space");
    CHECK(mmap(MAP_HIGH, SAMPLE_LEN, 0, fd, 0) == MAP_HIGH, "a range above the stack at %p",
          MAP_HIGH);
    CHECK(mmap((char *)0x7f000000, SAMPLE_LEN, 0, fd, 0) == (char *)0x7f000000,
          "a range above the stack at 0x7f000000");
    check_bytes(last, sample, SAMPLE_LEN, "the mapping at the end of user space");
    check_bytes(MAP_HIGH, sample, SAMPLE_LEN, "the mapping above the stack");
    msg("they hold the file's bytes");
}
