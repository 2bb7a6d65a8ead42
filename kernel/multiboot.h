/* Multiboot2 boot information: the tags the kernel reads (command line,
 * memory map, modules). The information block lives in physical memory and
 * is read through the direct map. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include "mm/memlayout.h"

#define MB2_BOOTLOADER_MAGIC 0x36d76289 /* in eax at entry (boot/boot.asm checks it too) */
#define MB2_TAG_END          0
#define MB2_TAG_CMDLINE      1
#define MB2_TAG_MODULE       3
#define MB2_TAG_MMAP         6
#define MB2_MMAP_AVAILABLE   1
#define MB2_TAG_ALIGN        8

struct mb2_info {
    uint32_t total_size;
    uint32_t reserved;
};

struct mb2_tag {
    uint32_t type;
    uint32_t size;
};

struct mb2_tag_string {
    struct mb2_tag tag;
    char string[];
};

struct mb2_tag_module {
    struct mb2_tag tag;
    uint32_t mod_start, mod_end;
    char string[];
};

struct mb2_mmap_entry {
    uint64_t base, length;
    uint32_t type, reserved;
};

struct mb2_tag_mmap {
    struct mb2_tag tag;
    uint32_t entry_size, entry_version;
    struct mb2_mmap_entry entries[];
};

/* mb2_first_tag / mb2_next_tag: walk the tags of the info at physical MBI;
 * mb2_next_tag returns NULL after the last. */
static inline struct mb2_tag *mb2_first_tag(paddr_t mbi)
{
    return (struct mb2_tag *)((char *)phys_to_virt(mbi) + sizeof(struct mb2_info));
}

static inline struct mb2_tag *mb2_next_tag(struct mb2_tag *t)
{
    if (t->type == MB2_TAG_END)
        return NULL;
    t = (struct mb2_tag *)((char *)t + ((t->size + MB2_TAG_ALIGN - 1) & ~(MB2_TAG_ALIGN - 1)));
    return t->type == MB2_TAG_END ? NULL : t;
}

/* mb2_find_tag: first tag of TYPE, or NULL. */
static inline struct mb2_tag *mb2_find_tag(paddr_t mbi, uint32_t type)
{
    for (struct mb2_tag *t = mb2_first_tag(mbi); t; t = mb2_next_tag(t))
        if (t->type == type)
            return t;
    return NULL;
}

static inline uint32_t mb2_total_size(paddr_t mbi)
{
    return ((struct mb2_info *)phys_to_virt(mbi))->total_size;
}
