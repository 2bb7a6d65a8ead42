/* page-shuffle: random accesses to a 2 MiB static array, several times the
 * frame cap (the spec gives -ul=64), so nearly every access faults a page
 * in from swap and another out. The array holds the 32-bit words 0..N-1;
 * each round swaps ROUND_SWAPS pairs of words at random places (a
 * fixed-seed xorshift generator) and prints the array's cksum, which
 * depends only on the program (PintOS's page-shuffle prints such sums).
 * At the end the array must still be a permutation of 0..N-1: a page lost
 * or duplicated in swap breaks that, whatever the sums. */
#include "lib.h"
#include "vm.h"

#define SIZE (2 * 1024 * 1024)
#define N (SIZE / sizeof(uint32_t))
#define ROUNDS 5
#define ROUND_SWAPS 2048
#define SEED 0x5eed1234abcdull

static uint32_t buf[N];
/* seen: one bit per value, for the permutation check. */
static uint8_t seen[N / 8];

/* check_permutation: fail unless buf holds every value 0..N-1 once. */
static void check_permutation(void)
{
    for (size_t i = 0; i < N; i++) {
        uint32_t v = buf[i];
        if (v >= N)
            fail("word %zu holds %u, out of range", i, v);
        if (seen[v / 8] & (1u << (v % 8)))
            fail("value %u appears twice (again at word %zu)", v, i);
        seen[v / 8] |= (uint8_t)(1u << (v % 8));
    }
}

void test_main(void)
{
    uint64_t rng = SEED;
    for (size_t i = 0; i < N; i++)
        buf[i] = (uint32_t)i;
    msg("init: cksum=%lu", cksum(buf, sizeof buf));

    for (int r = 0; r < ROUNDS; r++) {
        for (int k = 0; k < ROUND_SWAPS; k++) {
            size_t a = xorshift64(&rng) % N, b = xorshift64(&rng) % N;
            uint32_t t = buf[a];
            buf[a] = buf[b];
            buf[b] = t;
        }
        msg("shuffle %d: cksum=%lu", r, cksum(buf, sizeof buf));
    }
    check_permutation();
    msg("the array is still a permutation of 0..%zu", N - 1);
}
