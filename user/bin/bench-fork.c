/* bench-fork [N]: cycles for one fork + exec + wait of a small program
 * (this program again as `bench-fork -child`, which exits at once, so
 * nothing but the process machinery is timed). Prints the median of N. */
#include <bench.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>

#define DEFAULT_ROUNDS 21
#define MAX_ROUNDS 101

/* round_trip: fork a child that execs `bench-fork -child`; wait for it. */
static unsigned long round_trip(void)
{
    unsigned long start = rdtsc();
    pid_t pid = fork("bench-child");
    if (pid == 0) {
        exec("bench-fork -child");
        exit(1);
    }
    if (pid < 0 || wait(pid) != 0)
        return 0;
    return rdtsc() - start;
}

int main(int argc, char *argv[])
{
    if (argc > 1 && strcmp(argv[1], "-child") == 0)
        return 0;
    int rounds = argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;
    unsigned long cycles[MAX_ROUNDS];
    if (rounds <= 0 || rounds > MAX_ROUNDS)
        rounds = DEFAULT_ROUNDS;
    for (int i = 0; i < rounds; i++) {
        cycles[i] = round_trip();
        if (cycles[i] == 0) {
            printf("bench: fork+exec+wait failed\n");
            return 1;
        }
    }
    printf("bench: fork+exec+wait %lu cycles (median of %d)\n", bench_median(cycles, rounds),
           rounds);
    return 0;
}
