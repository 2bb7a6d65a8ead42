/* bench-syscall [N]: cycles per system-call round trip. Times N calls of
 * tell() on a closed descriptor (the kernel looks the fd up and returns -1:
 * entry, dispatch and exit with almost no work) with the time-stamp
 * counter, and prints the median of several batches. */
#include <bench.h>
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>

#define DEFAULT_CALLS 20000
#define BATCHES 5
#define UNUSED_FD 100

int main(int argc, char *argv[])
{
    bench_exit_if_asked(argc, argv);
    int calls = argc > 1 ? atoi(argv[1]) : DEFAULT_CALLS;
    unsigned long per_call[BATCHES];
    if (calls <= 0)
        calls = DEFAULT_CALLS;
    for (int b = 0; b < BATCHES; b++) {
        unsigned long start = rdtsc();
        for (int i = 0; i < calls; i++)
            tell(UNUSED_FD);
        per_call[b] = (rdtsc() - start) / calls;
    }
    printf("bench: syscall round trip %lu cycles (median of %d batches of %d)\n",
           bench_median(per_call, BATCHES), BATCHES, calls);
    return 0;
}
