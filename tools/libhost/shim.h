/* Host shim controls (tools/libhost only, never in the kernel): fault
 * injection for the frame allocator, so host-only tests can check how the
 * heap and its users behave when memory runs out; fake open files for the
 * descriptor tables. */
#pragma once
#include <stddef.h>

/* shim_pmm_fail_after: let the next N frame allocations succeed, then fail
 * every one until shim_pmm_fail_reset(). */
void shim_pmm_fail_after(size_t n);
void shim_pmm_fail_reset(void);

struct file;
/* shim_file_new: a fake open file (file_close frees it); NULL if malloc
 * fails. */
struct file *shim_file_new(void);
/* shim_files_live: fake files made and not yet closed. */
size_t shim_files_live(void);
/* shim_file_dup_fail_after: let the next N file_dup calls succeed, then
 * fail every one with ERR_IO until shim_file_dup_fail_reset(). */
void shim_file_dup_fail_after(size_t n);
void shim_file_dup_fail_reset(void);

#include "kernel/ktest.h"
/* The test descriptors, bounded by symbols the host linker defines for the
 * section KTEST_SECTION ("ktests"). */
extern const struct ktest __start_ktests[], __stop_ktests[];

/* death_tests_run: run the death tests (death_test.c); returns failures. */
int death_tests_run(void);
