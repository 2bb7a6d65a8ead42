/* In-kernel unit test runner: walks the .ktests section (tests are grouped
 * by suite in link order: one object file per suite) and prints one line per
 * suite. */
#include <stddef.h>
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/sections.h"
#include "kernel/string.h"

void ktest_fail(struct ktest_ctx *ctx, const char *file, int line, const char *expr)
{
    ctx->failed = true;
    printf("  failed: %s:%d: %s\n", file, line, expr);
}

/* suite_seen_before: true if SUITE appeared earlier than T in the table. */
static bool suite_seen_before(const struct ktest *t)
{
    for (const struct ktest *p = __start_ktests; p < t; p++)
        if (!strcmp(p->suite, t->suite))
            return true;
    return false;
}

/* run_suite: run every test of SUITE; returns the number that failed. */
static int run_suite(const char *suite)
{
    int count = 0, failed = 0;
    for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
        if (strcmp(t->suite, suite))
            continue;
        struct ktest_ctx ctx = {false};
        t->fn(&ctx);
        count++;
        if (ctx.failed) {
            failed++;
            printf("  FAIL %s/%s\n", t->suite, t->name);
        }
    }
    if (failed)
        printf("ktest %s: FAIL (%d of %d tests failed)\n", suite, failed, count);
    else
        printf("ktest %s: PASS (%d tests)\n", suite, count);
    return failed;
}

int ktest_run(const char *suite)
{
    int failed = 0, suites = 0;
    for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
        if ((suite && strcmp(t->suite, suite)) || suite_seen_before(t))
            continue;
        failed += run_suite(t->suite);
        suites++;
    }
    if (suites == 0) {
        printf("ktest: FAIL: no suite named '%s'\n", suite ? suite : "(any)");
        return 1;
    }
    return failed;
}
