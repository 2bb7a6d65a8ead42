/* cow-tree: a tree of forks three levels below the root (2 + 4 + 8
 * processes, siblings running at once). Every process writes its own mark
 * into the pages of its level and checks that every page holds what its
 * ancestors and itself wrote: no other process's write (a sibling's, a
 * child's, a parent's after the fork) shows through. The parent checks
 * again after its children are gone. All processes are named "tree" and
 * exit with 0, so their exit lines are alike whatever order they come in. */
#include "lib.h"

#include <stdalign.h>

#define LEVELS 3     /* levels of children below the root */
#define FANOUT 2     /* children per process */
#define SLOT_PAGES 4 /* pages each level writes */
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint64_t))

/* pages[level]: written by the process at that level (0: the root). */
static alignas(PAGE_SIZE) uint64_t pages[LEVELS + 1][SLOT_PAGES][WORDS_PER_PAGE];
/* marks[level]: the mark of this process's ancestor at that level (its
 * own at its level): what pages[level] must hold. */
static uint64_t marks[LEVELS + 1];

/* mark_word: the value of word W of page P of a level marked MARK. */
static uint64_t mark_word(uint64_t mark, size_t p, size_t w)
{
    return mark << 32 | p << 16 | w;
}

/* write_level: fill the pages of LEVEL with MARK. */
static void write_level(int level, uint64_t mark)
{
    marks[level] = mark;
    for (size_t p = 0; p < SLOT_PAGES; p++)
        for (size_t w = 0; w < WORDS_PER_PAGE; w++)
            pages[level][p][w] = mark_word(mark, p, w);
}

/* check_levels: fail unless the pages of levels 0..LEVEL hold their marks
 * and deeper levels are still zero. */
static void check_levels(int level, const char *when)
{
    for (int l = 0; l <= LEVELS; l++)
        for (size_t p = 0; p < SLOT_PAGES; p++)
            for (size_t w = 0; w < WORDS_PER_PAGE; w += 61) {
                uint64_t want = l <= level ? mark_word(marks[l], p, w) : 0;
                if (pages[l][p][w] != want)
                    fail("level %d, %s: page %d.%zu word %zu is %#lx instead of %#lx", level, when,
                         l, p, w, pages[l][p][w], want);
            }
}

/* node: the work of a process at LEVEL with mark MARK (fails on any
 * mismatch); returns how many processes its subtree holds (itself
 * included), counted from the tree's shape. */
static int node(int level, uint64_t mark)
{
    check_levels(level - 1, "inherited");
    write_level(level, mark);
    check_levels(level, "written");
    if (level == LEVELS)
        return 1;
    pid_t kids[FANOUT];
    for (int i = 0; i < FANOUT; i++) {
        kids[i] = fork("tree");
        if (kids[i] == 0) {
            node(level + 1, mark * FANOUT + (uint64_t)i + 1);
            exit(0);
        }
        if (kids[i] == PID_ERROR)
            fail("level %d: fork failed", level);
    }
    int count = 1;
    for (int i = 0; i < FANOUT; i++) {
        int status = wait(kids[i]);
        if (status != 0)
            fail("level %d: child %d ended with %d", level, i, status);
        count += (1 << (LEVELS - level)) - 1; /* the child's subtree */
    }
    check_levels(level, "after the children");
    return count;
}

void test_main(void)
{
    int n = node(0, 1);
    msg("%d processes wrote their pages; none saw another's writes", n);
}
