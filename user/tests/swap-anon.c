/* swap-anon: anonymous memory of all kinds, nine times the frame cap (the
 * spec gives -ul=64: 256 KiB): a 2 MiB static array (bss) and a 256 KiB
 * local array (stack). Three passes over both: write pattern A; check A
 * and overwrite with pattern B; check B. The second pass catches a kernel
 * that keeps a page's swap copy after swap-in and then forgets that the
 * page was written again: pattern A would come back. */
#include "lib.h"

#define BSS_SIZE (2 * 1024 * 1024)
#define STACK_SIZE (256 * 1024)
#define BSS_WORDS (BSS_SIZE / sizeof(uint64_t))
#define STACK_WORDS (STACK_SIZE / sizeof(uint64_t))
#define PATTERN_A 0xa5a5000000000000ull
#define PATTERN_B 0x5a5a000000000000ull

static uint64_t bss[BSS_WORDS];

/* fill: store VALUE ^ index in the N words at W. */
static void fill(volatile uint64_t *w, size_t n, uint64_t value)
{
    for (size_t i = 0; i < n; i++)
        w[i] = value ^ i;
}

/* rewrite: check that the N words at W hold OLD ^ index and replace each
 * with NEW ^ index; WHAT names the array for messages. */
static void rewrite(volatile uint64_t *w, size_t n, uint64_t old, uint64_t new, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        if (w[i] != (old ^ i))
            fail("%s word %zu is %#lx instead of %#lx", what, i, w[i], old ^ i);
        w[i] = new ^ i;
    }
}

/* check: fail unless the N words at W hold VALUE ^ index. */
static void check(volatile uint64_t *w, size_t n, uint64_t value, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        if (w[i] != (value ^ i))
            fail("%s word %zu is %#lx instead of %#lx", what, i, w[i], value ^ i);
    }
}

void test_main(void)
{
    volatile uint64_t stk[STACK_WORDS];
    fill(bss, BSS_WORDS, PATTERN_A);
    fill(stk, STACK_WORDS, PATTERN_A);
    msg("wrote 2 MiB of bss and 256 KiB of stack");
    rewrite(bss, BSS_WORDS, PATTERN_A, PATTERN_B, "bss");
    rewrite(stk, STACK_WORDS, PATTERN_A, PATTERN_B, "stack");
    msg("checked both and wrote them again");
    check(bss, BSS_WORDS, PATTERN_B, "bss");
    check(stk, STACK_WORDS, PATTERN_B, "stack");
    msg("checked both again");
}
