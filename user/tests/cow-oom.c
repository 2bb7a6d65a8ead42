/* cow-oom: out of memory at write time. With a 1 MiB swap and -ul=64
 * (the spec), the parent fills 896 KiB (most of it in swap) and forks;
 * the child, once the parent is surely waiting, rewrites every page: its
 * copies need more than frames and swap hold, so a write fault finds
 * neither frame nor slot and the kernel ends the child with exit(-1).
 * The parent goes on and finds every page as it wrote it; the leak audit
 * checks that the child's frames and slots all came back. */
#include "lib.h"

#include <stdalign.h>

#define PAGES 224
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(uint64_t))
#define WORDS (PAGES * WORDS_PER_PAGE)
#define PARENT_PATTERN 0x7777000000000000ul
#define CHILD_PATTERN 0x8888000000000000ul
#define SPIN_ITERATIONS 100000000L /* the parent is waiting by then */

static alignas(PAGE_SIZE) uint64_t buf[WORDS];

void test_main(void)
{
    for (size_t i = 0; i < WORDS; i++)
        buf[i] = PARENT_PATTERN ^ i;
    msg("parent filled 896 KiB");
    pid_t pid = fork("cow-oom-kid");
    if (pid == 0) {
        for (volatile long i = 0; i < SPIN_ITERATIONS; i++)
            ;
        for (size_t i = 0; i < WORDS; i++)
            buf[i] = CHILD_PATTERN ^ i;
        exit(0); /* not reached: memory runs out first */
    }
    CHECK(wait(pid) == KILLED_STATUS,
          "the child that wrote more than memory and swap hold was ended");
    for (size_t i = 0; i < WORDS; i++) {
        if (buf[i] != (PARENT_PATTERN ^ i))
            fail("word %zu is %#lx instead of %#lx", i, buf[i], PARENT_PATTERN ^ i);
    }
    msg("the parent's pages are intact");
}
