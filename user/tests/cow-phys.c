/* cow-phys: fork shares pages copy-on-write, seen through int $0x42 (the
 * frame behind a page). For a data page, a bss page, a stack page and a
 * page in the middle of a large bss array: right after fork the child's
 * page is backed by the frame the parent's had (and the parent's still
 * is); the child's first write gives the child another frame holding its
 * own bytes; the parent keeps its frame and its bytes; once the child is
 * gone, the parent's write leaves its frame in place (nobody shares it:
 * no copy). */
#include "lib.h"

#include <stdalign.h>

#define PAGE_COUNT 4
#define BIG_BSS_PAGES 256 /* 1 MiB: a bss too big to be anything but a range */
#define PARENT_BYTE 0x5a
#define CHILD_BYTE 0xc3
#define CHILD_STATUS 17

static alignas(PAGE_SIZE) char data_page[PAGE_SIZE] = {1};
static alignas(PAGE_SIZE) char bss_page[PAGE_SIZE];
static alignas(PAGE_SIZE) char big_bss[BIG_BSS_PAGES * PAGE_SIZE];

static const char *const names[PAGE_COUNT] = {"data", "bss", "stack", "big bss"};

/* fill_pages: write BYTE over each of the PAGE_COUNT pages. */
static void fill_pages(char *const pages[], int byte)
{
    for (int i = 0; i < PAGE_COUNT; i++)
        memset(pages[i], byte, PAGE_SIZE);
}

/* holds: whether every byte of PAGE is BYTE. */
static bool holds(const char *page, int byte)
{
    for (size_t i = 0; i < PAGE_SIZE; i++) {
        if (page[i] != (char)byte)
            return false;
    }
    return true;
}

/* child: check the sharing, then write and check the copy (not inlined:
 * gdb-cow.test stops here). */
static __attribute__((noinline)) void child(char *const pages[], const uint64_t before[])
{
    for (int i = 0; i < PAGE_COUNT; i++)
        CHECK(get_phys_addr(pages[i]) == before[i], "child: %s page on the parent's frame",
              names[i]);
    fill_pages(pages, CHILD_BYTE);
    for (int i = 0; i < PAGE_COUNT; i++) {
        uint64_t now = get_phys_addr(pages[i]);
        CHECK(now != 0 && now != before[i] && holds(pages[i], CHILD_BYTE),
              "child: %s page written on a frame of its own", names[i]);
    }
    exit(CHILD_STATUS);
}

void test_main(void)
{
    char stack_area[3 * PAGE_SIZE]; /* its middle page lies above the stack pointer's page */
    char *stack_page =
        (char *)(((uint64_t)stack_area + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1));
    char *const pages[PAGE_COUNT] = {data_page, bss_page, stack_page,
                                     big_bss + BIG_BSS_PAGES / 2 * PAGE_SIZE};
    uint64_t before[PAGE_COUNT];
    fill_pages(pages, PARENT_BYTE);
    for (int i = 0; i < PAGE_COUNT; i++)
        before[i] = get_phys_addr(pages[i]);
    pid_t pid = fork("cow-child");
    if (pid == 0)
        child(pages, before);
    bool kept = true; /* checked at once, reported after the child's lines */
    for (int i = 0; i < PAGE_COUNT; i++)
        kept = kept && get_phys_addr(pages[i]) == before[i];
    CHECK(wait(pid) == CHILD_STATUS, "wait for the child");
    CHECK(kept, "parent: every page kept its frame through fork");
    for (int i = 0; i < PAGE_COUNT; i++)
        CHECK(get_phys_addr(pages[i]) == before[i] && holds(pages[i], PARENT_BYTE),
              "parent: %s page on its old frame, unchanged", names[i]);
    fill_pages(pages, CHILD_BYTE);
    for (int i = 0; i < PAGE_COUNT; i++)
        CHECK(get_phys_addr(pages[i]) == before[i],
              "parent: %s page written in place (no longer shared)", names[i]);
}
