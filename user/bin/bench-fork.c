/* bench-fork [N [PROG...]]: cycles for one fork + exec + wait of a program
 * that exits at once: `PROG -exit` (bench.h: every benchmark program exits
 * 0 on -exit, so nothing but the process machinery is timed). Without
 * PROG, times this program and prints the median of N. With PROGs, times
 * them in turn N times each, prints each one's median, and the ratio of
 * each to the first (e.g. `bench-fork 21 bench-fork bench-anon`: a small
 * program against one with a 64 MiB bss). */
#include <bench.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>

#define DEFAULT_ROUNDS 21
#define MAX_ROUNDS 101
#define MAX_PROGS 4
#define SELF "bench-fork"
#define CMDLINE_MAX 64

/* round_trip: fork a child that execs CMDLINE; wait for it. The cycles,
 * or 0 if the fork failed or the child did not exit with 0. */
static unsigned long round_trip(const char *cmdline)
{
    unsigned long start = rdtsc();
    pid_t pid = fork("bench-child");
    if (pid == 0) {
        exec(cmdline);
        exit(1);
    }
    if (pid < 0 || wait(pid) != 0)
        return 0;
    return rdtsc() - start;
}

/* time_progs: median cycles of ROUNDS round trips of each of PROGS[0..N)
 * (run as `PROG -exit`, in turn) into MEDIANS; false if one failed. */
static bool time_progs(char **progs, int n, int rounds, unsigned long *medians)
{
    static char cmdlines[MAX_PROGS][CMDLINE_MAX];
    static unsigned long cycles[MAX_PROGS][MAX_ROUNDS];
    for (int p = 0; p < n; p++)
        snprintf(cmdlines[p], CMDLINE_MAX, "%s %s", progs[p], BENCH_EXIT_ARG);
    for (int i = 0; i < rounds; i++)
        for (int p = 0; p < n; p++)
            if ((cycles[p][i] = round_trip(cmdlines[p])) == 0) {
                printf("bench: fork+exec+wait of '%s' failed\n", cmdlines[p]);
                return false;
            }
    for (int p = 0; p < n; p++)
        medians[p] = bench_median(cycles[p], rounds);
    return true;
}

/* print_progs: one line per program of PROGS[0..N) with its median, then
 * the ratio of each to the first (in hundredths). */
static void print_progs(char **progs, int n, int rounds, const unsigned long *medians)
{
    for (int p = 0; p < n; p++)
        printf("bench: fork+exec+wait %s: %lu cycles (median of %d)\n", progs[p], medians[p],
               rounds);
    for (int p = 1; p < n; p++) {
        unsigned long ratio = medians[p] * BENCH_HUNDREDTHS / medians[0];
        printf("bench: fork+exec+wait %s / %s: %lu.%02lux\n", progs[p], progs[0],
               ratio / BENCH_HUNDREDTHS, ratio % BENCH_HUNDREDTHS);
    }
}

int main(int argc, char *argv[])
{
    static char *self[] = {SELF};
    unsigned long medians[MAX_PROGS];
    bench_exit_if_asked(argc, argv);
    int rounds = argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;
    if (rounds <= 0 || rounds > MAX_ROUNDS)
        rounds = DEFAULT_ROUNDS;
    char **progs = argc > 2 ? argv + 2 : self;
    int n = argc > 2 ? argc - 2 : 1;
    if (n > MAX_PROGS) {
        printf("bench: fork+exec+wait: at most %d programs\n", MAX_PROGS);
        return 1;
    }
    if (!time_progs(progs, n, rounds, medians))
        return 1;
    if (argc > 2)
        print_progs(progs, n, rounds, medians);
    else
        printf("bench: fork+exec+wait %lu cycles (median of %d)\n", medians[0], rounds);
    return 0;
}
