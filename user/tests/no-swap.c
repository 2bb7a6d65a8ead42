/* no-swap: no swap partition at all (the spec: swap: 0) and a 128 KiB
 * frame cap (-ul=32). The program's read-only segment holds 512 KiB of
 * data, four times the cap: reading it all, twice, works, because clean
 * pages of the executable are dropped and read again from the file. A
 * child ("hog") that writes 256 KiB of anonymous memory cannot be served
 * (nowhere to evict dirty pages to): it is killed with -1, and the parent
 * goes on; a child that writes a few pages still runs. */
#include "lib.h"

#define RO_WORDS 65536 /* 512 KiB of quads */
#define HOG_SIZE (256 * 1024)
#define SMALL_SIZE (8 * PAGE_SIZE)
#define HOG_STATUS 1
#define SMALL_STATUS 0

/* big_ro: RO_WORDS quads, word k = k, page aligned, in .rodata (the R-X
 * segment): made by the assembler, so that the file holds it. */
extern const volatile uint64_t big_ro[RO_WORDS];
__asm__(".pushsection .rodata.big_ro, \"a\", @progbits\n"
        ".p2align 12\n"
        ".globl big_ro\n"
        ".type big_ro, @object\n"
        "big_ro:\n"
        ".set big_ro_k, 0\n"
        ".rept 65536\n"
        ".quad big_ro_k\n"
        ".set big_ro_k, big_ro_k + 1\n"
        ".endr\n"
        ".size big_ro, . - big_ro\n"
        ".popsection\n");

static uint64_t arena[HOG_SIZE / sizeof(uint64_t)];

/* check_ro: fail unless every word of big_ro holds its index. */
static void check_ro(void)
{
    for (size_t k = 0; k < RO_WORDS; k++) {
        if (big_ro[k] != k)
            fail("read-only word %zu reads %#lx", k, big_ro[k]);
    }
}

/* run_child: fork a child NAME that writes SIZE bytes of arena, checks
 * them and exits with STATUS; returns what wait() says. */
static int run_child(const char *name, size_t size, int status)
{
    pid_t pid = fork(name);
    if (pid == 0) {
        size_t words = size / sizeof(uint64_t);
        for (size_t i = 0; i < words; i++)
            arena[i] = ~i;
        for (size_t i = 0; i < words; i++) {
            if (arena[i] != ~i)
                fail("word %zu of %s lost", i, name);
        }
        exit(status);
    }
    if (pid == PID_ERROR)
        fail("fork(\"%s\") failed", name);
    return wait(pid);
}

void test_main(void)
{
    check_ro();
    check_ro();
    msg("read 512 KiB of read-only data twice under a 128 KiB cap");
    CHECK(run_child("hog", HOG_SIZE, HOG_STATUS) == KILLED_STATUS,
          "a child that needs more memory than the cap is killed");
    CHECK(run_child("small", SMALL_SIZE, SMALL_STATUS) == SMALL_STATUS,
          "a child that needs a few pages runs");
    check_ro();
    msg("the read-only data still reads back");
}
