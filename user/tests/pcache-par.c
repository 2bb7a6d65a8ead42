/* pcache-par: several processes read and write one file at once through
 * the page cache, under a small frame cap (the specs give -ul=64): each
 * child owns every CHILD_CNT-th page, writes it with its own pattern in
 * several rounds and reads back all of its pages after each round, while
 * the others do the same; a mapping of the file is read meanwhile by the
 * parent. In the end the parent checks every page. Children print
 * nothing but their exit lines, so the transcript does not depend on the
 * schedule. */
#include "mapped.h"
#include "vm.h"

#define CHILD_CNT 4
#define PAGES 96
#define FILE_SIZE (PAGES * PAGE_SIZE)
#define ROUNDS 3
#define SEED_BASE 11
#define CHILD_OK 7

static char buf[PAGE_SIZE];
static volatile unsigned sink;

/* child_seed: the pattern child C writes in round R. */
static unsigned child_seed(int c, int r)
{
    return SEED_BASE + (unsigned)(c * ROUNDS + r);
}

/* child: rounds of writing and checking pages C, C + CHILD_CNT, ... */
static void child(int c)
{
    int fd = open("par.dat");
    if (fd < 2)
        exit(1);
    for (int r = 0; r < ROUNDS; r++) {
        for (int p = c; p < PAGES; p += CHILD_CNT) {
            for (size_t i = 0; i < PAGE_SIZE; i++)
                buf[i] = (char)pattern_byte((size_t)p * PAGE_SIZE + i, child_seed(c, r));
            seek(fd, (unsigned)(p * PAGE_SIZE));
            if (write(fd, buf, PAGE_SIZE) != PAGE_SIZE)
                exit(2);
        }
        for (int p = c; p < PAGES; p += CHILD_CNT) {
            seek(fd, (unsigned)(p * PAGE_SIZE));
            if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
                exit(3);
            for (size_t i = 0; i < PAGE_SIZE; i++)
                if ((unsigned char)buf[i] !=
                    pattern_byte((size_t)p * PAGE_SIZE + i, child_seed(c, r)))
                    exit(4);
        }
    }
    close(fd);
    exit(CHILD_OK);
}

void test_main(void)
{
    CHECK(create("par.dat", FILE_SIZE), "create \"par.dat\" (%d pages)", PAGES);
    int fd = open_or_fail("par.dat");
    CHECK(mmap(MAP_ADDR, FILE_SIZE, 0, fd, 0) == MAP_ADDR, "mmap it read-only");
    pid_t kids[CHILD_CNT];
    msg("%d children write and read their pages, in %d rounds", CHILD_CNT, ROUNDS);
    for (int c = 0; c < CHILD_CNT; c++) {
        kids[c] = fork("par-child");
        if (kids[c] == 0)
            child(c);
        if (kids[c] < 0)
            fail("fork %d failed", c);
    }
    for (int pass = 0; pass < ROUNDS; pass++)
        for (size_t i = 0; i < FILE_SIZE; i += 512)
            sink += (unsigned char)MAP_ADDR[i];
    for (int c = 0; c < CHILD_CNT; c++)
        if (wait(kids[c]) != CHILD_OK)
            fail("child %d failed", c);
    msg("every child exited with %d", CHILD_OK);
    munmap(MAP_ADDR);
    for (int p = 0; p < PAGES; p++) {
        seek(fd, (unsigned)(p * PAGE_SIZE));
        if (read(fd, buf, PAGE_SIZE) != PAGE_SIZE)
            fail("read of page %d failed", p);
        check_pattern(buf, (size_t)p * PAGE_SIZE, PAGE_SIZE, child_seed(p % CHILD_CNT, ROUNDS - 1),
                      "a page of the file");
    }
    msg("every page holds its child's last round");
    close(fd);
}
