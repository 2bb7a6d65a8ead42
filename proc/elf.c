/* ELF64 loader (see elf.h). Only what ABI.md allows is accepted: statically
 * linked x86-64 ET_EXEC with PT_LOAD segments; each segment's file offset
 * and address agree modulo its p_align (gABI, "Program Header"; pages
 * are filled by copying, so no stronger agreement is needed). A PT_LOAD
 * of p_memsz 0 maps nothing and is skipped, and segment types other than
 * PT_LOAD, PT_DYNAMIC and PT_INTERP are ignored, as the spec says. Segments
 * are described, not loaded;
 * elf_load_page fills one page at a time (lazy_load_segment in
 * proc/load.c calls it when a page of the executable is first touched). */
#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"
#include "mm/memlayout.h"
#include "proc/elf.h"

#define EI_NIDENT     16
#define ELFCLASS64    2
#define ELFDATA2LSB   1
#define EV_CURRENT    1
#define ET_EXEC       2
#define EM_X86_64     62
#define PT_NULL       0
#define PT_LOAD       1
#define PT_DYNAMIC    2
#define PT_INTERP     3
#define PF_X          0x1
#define PF_W          0x2
#define ELF_MAX_PHDRS 64

struct elf64_ehdr {
    unsigned char e_ident[EI_NIDENT];
    uint16_t e_type, e_machine;
    uint32_t e_version;
    uint64_t e_entry, e_phoff, e_shoff;
    uint32_t e_flags;
    uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
    uint32_t p_type, p_flags;
    uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

static const unsigned char elf_magic[4] = {0x7f, 'E', 'L', 'F'};

/* read_exact: SIZE bytes at OFFSET, or an error (short read = bad format). */
static int read_exact(struct file *file, void *buf, size_t size, uint64_t offset)
{
    long n = file_read_at(file, buf, size, offset);
    if (n < 0)
        return (int)n;
    return (size_t)n == size ? ERR_OK : ERR_BAD_FORMAT;
}

static bool ehdr_ok(const struct elf64_ehdr *eh)
{
    return !memcmp(eh->e_ident, elf_magic, sizeof elf_magic) && eh->e_ident[4] == ELFCLASS64 &&
           eh->e_ident[5] == ELFDATA2LSB && eh->e_ident[6] == EV_CURRENT && eh->e_type == ET_EXEC &&
           eh->e_machine == EM_X86_64 && eh->e_version == EV_CURRENT &&
           eh->e_phentsize == sizeof(struct elf64_phdr) && eh->e_phnum > 0 &&
           eh->e_phnum <= ELF_MAX_PHDRS && eh->e_entry < USER_TOP;
}

/* align_ok: PT_LOAD PH's alignment rule (gABI, "Program Header"): p_align
 * 0 or 1 asks for nothing; otherwise it is a power of two and p_offset and
 * p_vaddr agree modulo it. */
static bool align_ok(const struct elf64_phdr *ph)
{
    uint64_t a = ph->p_align;
    if (a <= 1)
        return true;
    return (a & (a - 1)) == 0 && (ph->p_offset & (a - 1)) == (ph->p_vaddr & (a - 1));
}

/* segment_empty: PT_LOAD PH maps nothing (p_memsz 0, hence p_filesz 0):
 * skipped, its address and alignment unchecked (gABI). */
static bool segment_empty(const struct elf64_phdr *ph)
{
    return ph->p_memsz == 0 && ph->p_filesz == 0;
}

/* segment_from_phdr: validate non-empty PT_LOAD PH against a file of
 * FILE_LEN bytes. */
static int segment_from_phdr(const struct elf64_phdr *ph, uint64_t file_len,
                             struct elf_segment *seg)
{
    if (!align_ok(ph) || ph->p_filesz > ph->p_memsz || ph->p_offset > file_len ||
        ph->p_filesz > file_len - ph->p_offset || ph->p_vaddr < PAGE_SIZE ||
        ph->p_vaddr >= USER_TOP || ph->p_memsz > USER_TOP - ph->p_vaddr)
        return ERR_BAD_FORMAT;
    *seg = (struct elf_segment){
        .vaddr = ph->p_vaddr,
        .memsz = ph->p_memsz,
        .offset = ph->p_offset,
        .filesz = ph->p_filesz,
        .writable = ph->p_flags & PF_W,
        .executable = ph->p_flags & PF_X,
    };
    return ERR_OK;
}

/* segments_overlap: do the memory ranges of A and B share a byte? */
static bool segments_overlap(const struct elf_segment *a, const struct elf_segment *b)
{
    return a->vaddr < b->vaddr + b->memsz && b->vaddr < a->vaddr + a->memsz;
}

/* image_consistent: no two segments of IMG overlap (they may share a
 * page), and the entry point lies in an executable segment. */
static bool image_consistent(const struct elf_image *img)
{
    bool entry_ok = false;
    for (int i = 0; i < img->segment_count; i++) {
        const struct elf_segment *s = &img->segments[i];
        for (int j = i + 1; j < img->segment_count; j++)
            if (segments_overlap(s, &img->segments[j]))
                return false;
        if (s->executable && img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz)
            entry_ok = true;
    }
    return entry_ok;
}

/* read_segments: walk the program headers of EH into OUT. */
static int read_segments(struct file *file, const struct elf64_ehdr *eh, struct elf_image *out)
{
    size_t size = (size_t)eh->e_phnum * sizeof(struct elf64_phdr);
    struct elf64_phdr *ph = kmalloc(size);
    if (!ph)
        return ERR_NO_MEMORY;
    uint64_t file_len = file_length(file);
    int err = eh->e_phoff > file_len ? ERR_BAD_FORMAT : read_exact(file, ph, size, eh->e_phoff);
    for (int i = 0; err == ERR_OK && i < eh->e_phnum; i++) {
        if (ph[i].p_type == PT_DYNAMIC || ph[i].p_type == PT_INTERP)
            err = ERR_BAD_FORMAT;
        else if (ph[i].p_type != PT_LOAD || segment_empty(&ph[i]))
            continue;
        else if (out->segment_count == ELF_MAX_SEGMENTS)
            err = ERR_BAD_FORMAT;
        else
            err = segment_from_phdr(&ph[i], file_len, &out->segments[out->segment_count++]);
    }
    kfree(ph);
    if (err == ERR_OK && out->segment_count == 0)
        err = ERR_BAD_FORMAT;
    return err;
}

int elf_read_image(struct file *file, struct elf_image *out)
{
    struct elf64_ehdr eh;
    int err = read_exact(file, &eh, sizeof eh, 0);
    if (err < 0)
        return err;
    if (!ehdr_ok(&eh))
        return ERR_BAD_FORMAT;
    memset(out, 0, sizeof *out);
    out->entry = eh.e_entry;
    err = read_segments(file, &eh, out);
    if (err == ERR_OK && !image_consistent(out))
        err = ERR_BAD_FORMAT;
    return err;
}

int elf_load_page(struct file *file, const struct elf_segment *seg, uint64_t page_va, void *kva)
{
    uint64_t file_end = seg->vaddr + seg->filesz; /* first byte not from the file */
    uint64_t start = page_va < seg->vaddr ? seg->vaddr : page_va;
    uint64_t end = page_va + PAGE_SIZE < file_end ? page_va + PAGE_SIZE : file_end;
    if (start >= end)
        return ERR_OK; /* all zeros (bss), the frame is zeroed already */
    size_t len = end - start;
    uint64_t offset = seg->offset + (start - seg->vaddr);
    long n = file_read_uncached(file, (char *)kva + (start - page_va), len, offset);
    if (n < 0)
        return (int)n;
    return (size_t)n == len ? ERR_OK : ERR_IO;
}
