/* Symbol lookup for backtraces: binary search over the address-sorted table
 * that tools/gen-ksyms.sh emits. */
#include <stddef.h>
#include "kernel/ksyms.h"
#include "kernel/sections.h"

const char *ksyms_lookup(uint64_t addr, uint64_t *offset)
{
    if (addr < (uint64_t)_text_start || addr >= (uint64_t)_text_end || ksyms_count == 0)
        return NULL;
    size_t lo = 0, hi = ksyms_count; /* find the last entry with addr <= ADDR */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (ksyms_table[mid].addr <= addr)
            lo = mid;
        else
            hi = mid;
    }
    if (ksyms_table[lo].addr > addr)
        return NULL;
    *offset = addr - ksyms_table[lo].addr;
    return ksyms_table[lo].name;
}
