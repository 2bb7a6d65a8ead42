/* User image construction (see load.h). Nothing of the executable is read
 * here beyond its headers: every page of every segment is registered in
 * the new supplemental page table (pages with file bytes one by one, to be
 * read by lazy_load_segment on their first fault; the bss as one range of
 * zero pages, so a 64 MiB bss costs what a small one does). Only the first
 * stack page is made now, with the arguments on it.
 *
 * Argument stack (ABI.md): the strings at the top of the stack page (last
 * argument highest), padding down to a multiple of 8, argv[argc] = NULL,
 * argv[argc-1] .. argv[0], a fake return address 0 where rsp points. */
#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/gdt.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/cpu.h"
#include "mm/frame.h"
#include "mm/kmalloc.h"
#include "mm/spt.h"
#include "mm/vm.h"
#include "proc/elf.h"
#include "proc/load.h"

#define STACK_PAGE (USER_STACK - PAGE_SIZE)
#define WORD       8

/* Words of a command line, split on runs of spaces (in a private copy). */
struct arg_list {
    char *buf;
    char **argv;
    long argc;
};

static int args_split(const char *cmdline, struct arg_list *a)
{
    size_t len = strnlen(cmdline, LOAD_CMDLINE_MAX);
    a->buf = kmalloc(len + 1);
    a->argv = kmalloc((len / 2 + 1) * sizeof *a->argv);
    a->argc = 0;
    if (!a->buf || !a->argv)
        return ERR_NO_MEMORY;
    memcpy(a->buf, cmdline, len);
    a->buf[len] = '\0';
    for (char *p = a->buf; *p;) {
        while (*p == ' ')
            *p++ = '\0';
        if (!*p)
            break;
        a->argv[a->argc++] = p;
        while (*p && *p != ' ')
            p++;
    }
    return a->argc ? ERR_OK : ERR_INVALID;
}

static void args_free(struct arg_list *a)
{
    kfree(a->buf);
    kfree(a->argv);
}

void load_program_name(const char *cmdline, char *name, size_t size)
{
    while (*cmdline == ' ')
        cmdline++;
    size_t n = 0;
    while (cmdline[n] && cmdline[n] != ' ' && n + 1 < size) {
        name[n] = cmdline[n];
        n++;
    }
    if (size)
        name[n] = '\0';
}

/* segments_clear_of_stack: no segment of ELF reaches into the stack
 * area (USER_STACK_LIMIT bytes below USER_STACK, where the stack may grow). */
static int segments_clear_of_stack(const struct elf_image *elf)
{
    for (int i = 0; i < elf->segment_count; i++) {
        const struct elf_segment *s = &elf->segments[i];
        if (s->vaddr < USER_STACK && s->vaddr + s->memsz > USER_STACK - USER_STACK_LIMIT)
            return ERR_BAD_FORMAT;
    }
    return ERR_OK;
}

/* The loaded executable, shared by every page that reads from it: its
 * segments and a file of its own (offset unused: reads are positioned). */
struct image_aux {
    struct vm_aux base;
    struct file *file;
    struct elf_image elf;
};

static void image_aux_release(struct vm_aux *aux)
{
    struct image_aux *ia = container_of(aux, struct image_aux, base);
    file_close(ia->file);
    kfree(ia);
}

/* image_share_key: the vm_aux share_key of an executable: a read-only
 * page is the same in every process running that file (executables are
 * read-only while they run), keyed by inode and address: shared text. */
static bool image_share_key(const struct page *page, struct vm_aux *aux, struct frame_key *key)
{
    struct image_aux *ia = container_of(aux, struct image_aux, base);
    *key = (struct frame_key){.space = (uintptr_t)file_get_inode(ia->file), .index = page->va};
    return true;
}

/* page_in_segment: whether [VA, VA + PAGE_SIZE) lies wholly inside SEG's
 * file bytes, at a file offset that is a multiple of PAGE_SIZE (in *OFFSET). */
static bool page_in_segment(const struct elf_segment *seg, uint64_t va, uint64_t *offset)
{
    if (va < seg->vaddr || va + PAGE_SIZE > seg->vaddr + seg->filesz)
        return false;
    *offset = seg->offset + (va - seg->vaddr);
    return *offset % PAGE_SIZE == 0;
}

/* page_overlaps_segment: whether SEG has bytes in memory in [VA, VA + PAGE_SIZE). */
static bool page_overlaps_segment(const struct elf_segment *seg, uint64_t va)
{
    return seg->vaddr < va + PAGE_SIZE && va < seg->vaddr + seg->memsz;
}

/* image_cache_source: the vm_aux cache_source of an executable: a
 * read-only page that lies wholly inside the file bytes of one segment,
 * and of no other, maps the page-cache page of those bytes: one frame for
 * every process running the file (executables are read-only while they
 * run), kept cached after the last one exits and reclaimable like any
 * clean page, so that running a program again reads nothing. Any other
 * page is filled by lazy_load_segment, a frame of its own. */
static bool image_cache_source(const struct page *page, struct vm_aux *aux,
                               struct vm_cache_source *src)
{
    struct image_aux *ia = container_of(aux, struct image_aux, base);
    const struct elf_image *elf = &ia->elf;
    int in = -1;
    for (int i = 0; !page->writable && i < elf->segment_count; i++) {
        if (!page_overlaps_segment(&elf->segments[i], page->va))
            continue;
        if (in >= 0 || !page_in_segment(&elf->segments[i], page->va, &src->offset))
            return false; /* two segments share it, or it is partly zeros */
        in = i;
    }
    if (in < 0)
        return false;
    src->file = ia->file;
    src->stat = VM_STAT_FAULT_FILE;
    return true;
}

/* lazy_load_segment: the vm_initializer of an executable's pages: the
 * bytes every segment has in PAGE from the file, zeros elsewhere (a page
 * may hold the end of one segment and the start of the next). */
static int lazy_load_segment(struct page *page, void *kva, struct vm_aux *aux)
{
    struct image_aux *ia = container_of(aux, struct image_aux, base);
    vm_count(VM_STAT_FAULT_FILE);
    memset(kva, 0, PAGE_SIZE);
    for (int i = 0; i < ia->elf.segment_count; i++) {
        int err = elf_load_page(ia->file, &ia->elf.segments[i], page->va, kva);
        if (err < 0)
            return err;
    }
    return ERR_OK;
}

/* seg_span: the page-aligned span [*start, *end) of SEG's bytes in memory
 * or, with FILE_ONLY, of its file bytes. */
static void seg_span(const struct elf_segment *seg, bool file_only, uint64_t *start, uint64_t *end)
{
    *start = PAGE_ROUND_DOWN(seg->vaddr);
    *end = PAGE_ROUND_UP(seg->vaddr + (file_only ? seg->filesz : seg->memsz));
}

/* page_type_at: the vm type of page VA of ELF: writable (an anonymous
 * private copy once loaded) if any segment in it is, else a file page;
 * executable if any segment in it is. *WRITABLE is set too. */
static int page_type_at(const struct elf_image *elf, uint64_t va, bool *writable)
{
    bool exec = false;
    *writable = false;
    for (int i = 0; i < elf->segment_count; i++) {
        uint64_t start, end;
        seg_span(&elf->segments[i], false, &start, &end);
        if (va >= start && va < end) {
            *writable |= elf->segments[i].writable;
            exec |= elf->segments[i].executable;
        }
    }
    return (*writable ? VM_ANON : VM_FILE) | (exec ? VM_EXECUTABLE : 0);
}

/* register_file_pages: register (not load) every page that holds bytes of
 * SEG's file image, to be read by lazy_load_segment on its first fault.
 * (For a segment with no file bytes that starts inside a page, that first
 * page is registered here too: it may hold the end of another segment's
 * bss as well, and one page must serve both.) */
static int register_file_pages(struct user_image *img, struct image_aux *ia,
                               const struct elf_segment *seg)
{
    uint64_t start, end;
    seg_span(seg, true, &start, &end);
    for (uint64_t va = start; va < end; va += PAGE_SIZE) {
        if (spt_lookup_page(img->spt, va))
            continue; /* shared with the previous segment */
        bool writable;
        int type = page_type_at(&ia->elf, va, &writable);
        int err = vm_alloc_page_with_initializer(img->spt, type, va, writable, lazy_load_segment,
                                                 &ia->base);
        if (err < 0)
            return err;
    }
    return ERR_OK;
}

/* register_zero_pages: register SEG's pages past its file bytes (bss) as
 * one range of zero pages, whatever its size; a page shared with another
 * segment is left to that segment's registration. */
static int register_zero_pages(struct user_image *img, const struct elf_segment *seg)
{
    uint64_t file_end, start, end;
    seg_span(seg, true, &start, &file_end);
    seg_span(seg, false, &start, &end);
    start = seg->filesz ? file_end : start;
    while (start < end && spt_lookup_page(img->spt, start))
        start += PAGE_SIZE;
    while (start < end && spt_lookup_page(img->spt, end - PAGE_SIZE))
        end -= PAGE_SIZE;
    if (start >= end)
        return ERR_OK;
    int type = VM_ANON | (seg->executable ? VM_EXECUTABLE : 0);
    return spt_add_range(img->spt, start, end, type, seg->writable, NULL, NULL);
}

/* register_segments: register every page of the executable in IMG's
 * table; nothing is read. File-backed pages first, so that a page shared
 * by two segments is one page that loads both. */
static int register_segments(struct user_image *img, struct image_aux *ia)
{
    int err = ERR_OK;
    for (int i = 0; err == ERR_OK && i < ia->elf.segment_count; i++)
        err = register_file_pages(img, ia, &ia->elf.segments[i]);
    for (int i = 0; err == ERR_OK && i < ia->elf.segment_count; i++)
        err = register_zero_pages(img, &ia->elf.segments[i]);
    return err;
}

/* The arguments handed to the stack page's initializer. */
struct stack_aux {
    struct vm_aux base;
    const struct arg_list *args;
    size_t strings; /* bytes of the strings, padded to a multiple of WORD */
};

static void stack_aux_release(struct vm_aux *aux) {}

/* init_stack_page: the vm_initializer of the first stack page: the
 * argument block of ABI.md at the top of the zeroed page KVA. */
static int init_stack_page(struct page *page, void *kva, struct vm_aux *aux)
{
    struct stack_aux *sa = container_of(aux, struct stack_aux, base);
    const struct arg_list *a = sa->args;
    char *base = kva;
    memset(base, 0, PAGE_SIZE);
    uint64_t *argv_slots = (uint64_t *)(base + PAGE_SIZE - sa->strings) - (a->argc + 1);
    uint64_t top = USER_STACK;
    argv_slots[a->argc] = 0;
    for (long i = a->argc - 1; i >= 0; i--) {
        size_t len = strlen(a->argv[i]) + 1;
        top -= len;
        memcpy(base + (top - STACK_PAGE), a->argv[i], len);
        argv_slots[i] = top;
    }
    return ERR_OK;
}

/* setup_stack: the first stack page, claimed now with the arguments A laid
 * out on it; rsp and argv of IMG point into it. */
static int setup_stack(struct user_image *img, const struct arg_list *a)
{
    struct stack_aux sa = {.base = {.refs = 1, .release = stack_aux_release}, .args = a};
    for (long i = 0; i < a->argc; i++)
        sa.strings += strlen(a->argv[i]) + 1;
    sa.strings = (sa.strings + WORD - 1) / WORD * WORD;
    size_t words = (size_t)a->argc + 2; /* argv[], NULL, fake return */
    if (sa.strings + words * WORD > PAGE_SIZE)
        return ERR_INVALID;
    if (spt_covers(img->spt, STACK_PAGE, USER_STACK))
        return ERR_BAD_FORMAT; /* a segment sits where the stack goes */
    int err = vm_alloc_page_with_initializer(img->spt, VM_ANON, STACK_PAGE, true, init_stack_page,
                                             &sa.base);
    if (err == ERR_OK && (err = vm_claim_page(img->spt, STACK_PAGE)) < 0) {
        /* SA lives on this stack: no page may keep a reference to it */
        struct page *page = spt_lookup_page(img->spt, STACK_PAGE);
        if (page)
            spt_remove_page(img->spt, page);
    }
    img->argv = USER_STACK - sa.strings - (uint64_t)(a->argc + 1) * WORD;
    img->rsp = img->argv - WORD; /* the fake return address, 0 */
    img->argc = a->argc;
    return err;
}

/* open_executable: open and validate argv[0] into IMG's image aux. */
static int open_executable(struct user_image *img, const char *path, struct inode *cwd,
                           struct image_aux *ia)
{
    int err = file_open(path, cwd, &img->file);
    if (err < 0) {
        img->file = NULL;
        printf("load: %s: open failed\n", path);
        return err;
    }
    file_deny_write(img->file);
    err = elf_read_image(img->file, &ia->elf);
    if (err == ERR_OK)
        err = file_reopen(img->file, &ia->file);
    return err;
}

int load_image(const char *cmdline, struct inode *cwd, struct user_image *out)
{
    struct arg_list args;
    struct image_aux *ia = kzalloc(sizeof *ia);
    memset(out, 0, sizeof *out);
    if (ia)
        ia->base = (struct vm_aux){.refs = 1,
                                   .release = image_aux_release,
                                   .share_key = image_share_key,
                                   .cache_source = image_cache_source};
    int err = args_split(cmdline, &args);
    if (err == ERR_OK && !ia)
        err = ERR_NO_MEMORY;
    if (err == ERR_OK && !(out->spt = spt_create()))
        err = ERR_NO_MEMORY;
    if (err == ERR_OK)
        err = open_executable(out, args.argv[0], cwd, ia);
    if (err == ERR_OK)
        err = segments_clear_of_stack(&ia->elf);
    if (err == ERR_OK)
        err = register_segments(out, ia);
    if (err == ERR_OK)
        err = setup_stack(out, &args);
    if (err == ERR_OK)
        out->entry = ia->elf.entry;
    else
        load_image_discard(out);
    if (ia)
        vm_aux_put(&ia->base); /* the pages hold their own references */
    args_free(&args);
    return err;
}

void load_image_discard(struct user_image *img)
{
    file_close(img->file);
    spt_free(img->spt);
    img->file = NULL;
    img->spt = NULL;
}

void load_frame_init(const struct user_image *img, struct trap_frame *tf)
{
    memset(tf, 0, sizeof *tf);
    tf->rip = img->entry;
    tf->rsp = img->rsp;
    tf->rdi = (uint64_t)img->argc;
    tf->rsi = img->argv;
    tf->rflags = RFLAGS_IF;
    tf->cs = SEL_UCODE;
    tf->ss = SEL_UDATA;
}
