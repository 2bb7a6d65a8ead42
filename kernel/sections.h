/* Symbols of the link script (linker.ld): the bounds of the kernel image and
 * of its sections, and the tables gathered from every object file. They are
 * addresses, not variables: take them with the name alone (_text_start), never
 * read or write through them except for the tables. */
#pragma once
#include "kernel/ktest.h"
#include "kernel/trap.h"

/* The kernel image [_kernel_start, _kernel_end), page aligned at both ends. */
extern char _kernel_start[], _kernel_end[];
/* Sections, each starting on a page: text R-X, rodata R--, data and bss RW-. */
extern char _text_start[], _text_end[];
extern char _rodata_start[], _rodata_end[];
extern char _data_start[], _data_end[];

/* In-kernel unit tests (KTEST) and exception-table entries (user copies). */
extern const struct ktest __start_ktests[], __stop_ktests[];
extern const struct extable_entry __start_extable[], __stop_extable[];
