/* In-kernel unit tests. A test is a function registered with KTEST(suite,
 * name) in the .ktests section; the action `ktest [SUITE]` runs every test
 * (or one suite) and prints one line per suite:
 *     ktest SUITE: PASS (N tests)      or     ktest SUITE: FAIL ...
 * A failed KT_ASSERT prints "FAIL suite/name: file:line: expr" and ends
 * that test; the suite continues with its next test. */
#pragma once
#include <stdbool.h>

struct ktest_ctx {
    bool failed;
};

struct ktest {
    const char *suite;
    const char *name;
    void (*fn)(struct ktest_ctx *ctx);
};

/* Section of the test descriptors. The host test build (tools/libhost)
 * overrides it with a name made of identifier characters, for which host
 * linkers define __start_/__stop_ symbols and ASan adds no redzones. */
#ifndef KTEST_SECTION
#define KTEST_SECTION ".ktests"
#endif

#define KTEST(suite_, name_)                                                                \
    static void ktest_fn_##suite_##_##name_(struct ktest_ctx *ctx);                         \
    __attribute__((used, section(KTEST_SECTION),                                            \
                   aligned(8))) static const struct ktest ktest_desc_##suite_##_##name_ = { \
        #suite_, #name_, ktest_fn_##suite_##_##name_};                                      \
    static void ktest_fn_##suite_##_##name_(struct ktest_ctx *ctx)

void ktest_fail(struct ktest_ctx *ctx, const char *file, int line, const char *expr);

/* KT_ASSERT: on failure record it and return from the test function. */
#define KT_ASSERT(cond)                                 \
    do {                                                \
        if (!(cond)) {                                  \
            ktest_fail(ctx, __FILE__, __LINE__, #cond); \
            return;                                     \
        }                                               \
    } while (0)

/* ktest_run: run SUITE (or all suites when NULL); returns number failed. */
int ktest_run(const char *suite);
