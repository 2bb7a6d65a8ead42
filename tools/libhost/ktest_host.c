/* Host driver for the in-kernel unit tests: walks the descriptors that
 * KTEST() puts in the section KTEST_SECTION ("ktests" on the host, see
 * run.sh), groups them by suite in the order they appear, and prints one
 * line per suite as the kernel's `ktest` action does. Then it runs the
 * death tests of death_test.c, each in a forked child that must panic with
 * the expected message.
 *     usage: ktest_host [SUITE]     exit status: number of failures (capped) */
#include <stdio.h>
#include <string.h>
#include "kernel/ktest.h"
#include "tools/libhost/shim.h"

#define KTEST_HOST_MAX_EXIT 100

void ktest_fail(struct ktest_ctx *ctx, const char *file, int line, const char *expr)
{
    ctx->failed = true;
    printf("FAIL: %s:%d: %s\n", file, line, expr);
}

/* ktest_run_suite: run every test of SUITE; print its line; return fails. */
static int ktest_run_suite(const char *suite)
{
    int tests = 0, failed = 0;
    for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
        if (strcmp(t->suite, suite) != 0)
            continue;
        struct ktest_ctx ctx = {.failed = false};
        t->fn(&ctx);
        tests++;
        if (ctx.failed) {
            printf("FAIL %s/%s\n", t->suite, t->name);
            failed++;
        }
    }
    if (failed)
        printf("ktest %s: FAIL (%d of %d tests)\n", suite, failed, tests);
    else
        printf("ktest %s: PASS (%d tests)\n", suite, tests);
    return failed;
}

/* ktest_first_of_suite: true if T is the first descriptor of its suite. */
static bool ktest_first_of_suite(const struct ktest *t)
{
    for (const struct ktest *u = __start_ktests; u < t; u++)
        if (strcmp(u->suite, t->suite) == 0)
            return false;
    return true;
}

int ktest_run(const char *suite)
{
    int failed = 0;
    if (suite)
        return ktest_run_suite(suite);
    for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++)
        if (ktest_first_of_suite(t))
            failed += ktest_run_suite(t->suite);
    return failed;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    int failed = ktest_run(argc > 1 ? argv[1] : NULL);
    if (argc <= 1)
        failed += death_tests_run();
    return failed > KTEST_HOST_MAX_EXIT ? KTEST_HOST_MAX_EXIT : failed;
}
