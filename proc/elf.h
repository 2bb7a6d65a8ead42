/* ELF64 executables (ABI.md): header and program-header validation, and
 * loading one page of a segment. The loader never trusts the file: any
 * inconsistency makes elf_read_image fail with ERR_BAD_FORMAT. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 16

struct file;

/* One PT_LOAD segment, as validated. */
struct elf_segment {
    uint64_t vaddr;  /* first byte in memory */
    uint64_t memsz;  /* bytes in memory (>= filesz) */
    uint64_t offset; /* file offset of vaddr */
    uint64_t filesz; /* bytes that come from the file */
    bool writable;
    bool executable;
};

struct elf_image {
    uint64_t entry;
    int segment_count;
    struct elf_segment segments[ELF_MAX_SEGMENTS];
};

/* elf_read_image: read and validate FILE's headers into OUT: ELF64,
 * little-endian, x86-64, ET_EXEC, no interpreter, 1..ELF_MAX_SEGMENTS
 * non-empty PT_LOAD segments (empty ones, p_memsz 0, are skipped) inside
 * user space and inside the file, with p_filesz <= p_memsz and p_offset
 * and p_vaddr agreeing modulo p_align when it is above 1, no two of them
 * overlapping (sharing a page is fine), the entry point inside an
 * executable segment (a program that would fault on its first instruction
 * is not a proper file: exec fails instead). ERR_BAD_FORMAT, or an I/O or
 * memory error. */
int elf_read_image(struct file *file, struct elf_image *out);
/* elf_load_page: load the page at user address PAGE_VA (page aligned) of
 * segment SEG into the frame at KVA: the file bytes the segment has in that
 * page are read in; the other bytes are left alone, so the frame must come
 * zeroed (another segment may share the page). ERR_IO when the file is
 * shorter than it claimed. */
int elf_load_page(struct file *file, const struct elf_segment *seg, uint64_t page_va, void *kva);
