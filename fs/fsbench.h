/* File-system benchmark behind the `fsbench` action (see fsbench.c). */
#pragma once

#define FSBENCH_DEFAULT_RUNS 5
#define FSBENCH_MAX_RUNS     15

/* fsbench_run: RUNS rounds of sequential write and read of a 16 MiB file
 * on the mounted file system; prints one line per round and the medians.
 * Remounts the file system (to empty the cache). 0 or a negative ERR_. */
int fsbench_run(int runs);
