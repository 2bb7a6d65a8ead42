/* The kernel's own symbol table, linked into the image (section .ksyms,
 * generated from a first link by tools/gen-ksyms.sh). */
#pragma once
#include <stdint.h>

/* The table tools/gen-ksyms.sh emits: KSYMS_COUNT text symbols sorted by
 * address (empty in the first link). */
struct ksym {
    uint64_t addr;
    const char *name;
};
extern const uint64_t ksyms_count;
extern const struct ksym ksyms_table[];

/* ksyms_lookup: name of the function containing ADDR and the offset into
 * it, or NULL if ADDR is outside the kernel's text. */
const char *ksyms_lookup(uint64_t addr, uint64_t *offset);
