/* assert: on a false condition, print where and abort (exit ABORT_STATUS). */
#pragma once

__attribute__((noreturn)) void assert_fail(const char *expr, const char *file, int line,
                                           const char *func);

#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
