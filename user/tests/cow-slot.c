/* cow-slot: one frame for a swap slot that fork shared. With -ul=32 the
 * parent's 256 KiB array does not fit: some page of it is in swap when the
 * parent forks, and the child's page shares that slot. Parent and child
 * both read that page while both are alive: whichever reads first brings
 * the slot in, the other maps the same frame (int $0x42 gives both the
 * same frame). The parent leaves its frame address in a file opened
 * before the fork, which the child (with its own offset), spinning long
 * enough for the parent to have read, compares with its own; the child's
 * status tells the parent. */
#include "lib.h"

#include <stdalign.h>

#define PAGES 64
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint64_t))
#define PATTERN 0x6666000000000000ull
#define SPIN_ITERATIONS 300000000L /* long enough for the parent to read */
#define FRAME_FILE "cow-slot.frame"
#define SAME_FRAME 0
#define OTHER_FRAME 2
#define NO_FILE 3
#define BAD_DATA 4

static alignas(PAGE_SIZE) uint64_t buf[PAGES][WORDS_PER_PAGE];

/* page_ok: whether page P holds the pattern. */
static bool page_ok(size_t p)
{
    for (size_t w = 0; w < WORDS_PER_PAGE; w++) {
        if (buf[p][w] != (PATTERN ^ (p * WORDS_PER_PAGE + w)))
            return false;
    }
    return true;
}

/* child: read page P, wait for the parent's frame (in FD), compare. */
static int child(size_t p, int fd)
{
    if (!page_ok(p))
        return BAD_DATA;
    uint64_t mine = get_phys_addr(buf[p]);
    for (volatile long i = 0; i < SPIN_ITERATIONS; i++)
        ;
    uint64_t parents = 0;
    int n = read(fd, &parents, sizeof parents);
    if (n == 0)
        return NO_FILE;
    return n == sizeof parents && parents == mine && mine != 0 ? SAME_FRAME : OTHER_FRAME;
}

void test_main(void)
{
    for (size_t p = 0; p < PAGES; p++)
        for (size_t w = 0; w < WORDS_PER_PAGE; w++)
            buf[p][w] = PATTERN ^ (p * WORDS_PER_PAGE + w);
    size_t p = 0;
    while (p < PAGES && get_phys_addr(buf[p]) != 0)
        p++;
    CHECK(p < PAGES, "a page of the parent's is in swap when it forks");
    int fd = create(FRAME_FILE, 0) ? open(FRAME_FILE) : -1;
    if (fd < 0)
        fail("cannot create %s", FRAME_FILE);
    pid_t pid = fork("cow-slot-kid");
    if (pid == 0)
        exit(child(p, fd));
    bool ok = page_ok(p);
    uint64_t frame = get_phys_addr(buf[p]);
    if (write(fd, &frame, sizeof frame) != sizeof frame)
        fail("write %s failed", FRAME_FILE);
    close(fd);
    CHECK(ok && frame != 0, "the parent reads the page back from swap");
    CHECK(wait(pid) == SAME_FRAME, "the child read it on the same frame");
    remove(FRAME_FILE);
}
