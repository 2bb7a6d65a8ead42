/* mmap-big: a 2 MiB file, several times the frame cap the spec gives,
 * mapped writable and written page by page in a random order, then
 * verified in another random order: dirty file pages are written back
 * when evicted and read again from the file. After munmap the file holds
 * every page (checked through read()). */
#include "mapped.h"
#include "vm.h"

#define FILE_SIZE (2 * 1024 * 1024)
#define PAGES (FILE_SIZE / PAGE_SIZE)
#define SEED 17

static unsigned order[PAGES];
static char buf[PAGE_SIZE];

/* shuffle: a random permutation of the page numbers into ORDER. */
static void shuffle(uint64_t *state)
{
    for (unsigned i = 0; i < PAGES; i++)
        order[i] = i;
    for (unsigned i = PAGES - 1; i > 0; i--) {
        unsigned j = (unsigned)(xorshift64(state) % (i + 1)), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}

void test_main(void)
{
    uint64_t state = 0x9e3779b97f4a7c15ull;
    CHECK(create("big.dat", FILE_SIZE), "create \"big.dat\" (2 MiB)");
    int fd = open_or_fail("big.dat");
    CHECK(mmap(MAP_ADDR, FILE_SIZE, 1, fd, 0) == MAP_ADDR, "mmap it writable");
    shuffle(&state);
    for (unsigned k = 0; k < PAGES; k++) {
        size_t first = (size_t)order[k] * PAGE_SIZE;
        for (size_t i = 0; i < PAGE_SIZE; i++)
            MAP_ADDR[first + i] = (char)pattern_byte(first + i, SEED);
    }
    msg("write every page, in a random order");
    shuffle(&state);
    for (unsigned k = 0; k < PAGES; k++) {
        size_t first = (size_t)order[k] * PAGE_SIZE;
        check_pattern(MAP_ADDR + first, first, PAGE_SIZE, SEED, "a page of the mapping");
    }
    msg("verify every page, in another random order");
    munmap(MAP_ADDR);
    msg("munmap");
    for (size_t first = 0; first < FILE_SIZE; first += PAGE_SIZE) {
        if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
            fail("read at %zu failed", first);
        check_pattern(buf, first, PAGE_SIZE, SEED, "a page of the file");
    }
    msg("the file holds every page");
    close(fd);
}
