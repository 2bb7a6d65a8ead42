/* User image construction (see load.h). Eager for now: every page of every
 * segment gets its frame and its bytes here; the VM will register the
 * pages instead and call elf_load_page on the first fault.
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
#include "mm/kmalloc.h"
#include "mm/uspace.h"
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

/* load_segment: map and fill every page of SEG in IMG. */
static int load_segment(struct user_image *img, const struct elf_segment *seg)
{
    unsigned prot = (seg->writable ? USPACE_WRITABLE : 0) | (seg->executable ? USPACE_EXEC : 0);
    uint64_t end = PAGE_ROUND_UP(seg->vaddr + seg->memsz);
    for (uint64_t va = PAGE_ROUND_DOWN(seg->vaddr); va < end; va += PAGE_SIZE) {
        void *kva = uspace_map_new(img->pml4, va, prot);
        if (!kva)
            return ERR_NO_MEMORY;
        int err = elf_load_page(img->file, seg, va, kva);
        if (err < 0)
            return err;
    }
    return ERR_OK;
}

/* setup_stack: map the first stack page and lay out A on it. */
static int setup_stack(struct user_image *img, const struct arg_list *a)
{
    if (uspace_kva(img->pml4, STACK_PAGE))
        return ERR_BAD_FORMAT; /* a segment sits where the stack goes */
    char *kva = uspace_map_new(img->pml4, STACK_PAGE, USPACE_WRITABLE);
    if (!kva)
        return ERR_NO_MEMORY;
    size_t strings = 0;
    for (long i = 0; i < a->argc; i++)
        strings += strlen(a->argv[i]) + 1;
    size_t words = (size_t)a->argc + 2;               /* argv[], NULL, fake return */
    size_t need = (strings + WORD - 1) / WORD * WORD; /* strings + padding */
    if (need + words * WORD > PAGE_SIZE)
        return ERR_INVALID;
    uint64_t top = USER_STACK;
    uint64_t *argv_slots = (uint64_t *)(kva + PAGE_SIZE - need) - (a->argc + 1);
    argv_slots[a->argc] = 0;
    for (long i = a->argc - 1; i >= 0; i--) {
        size_t len = strlen(a->argv[i]) + 1;
        top -= len;
        memcpy(kva + (top - STACK_PAGE), a->argv[i], len);
        argv_slots[i] = top;
    }
    img->argv = USER_STACK - need - (uint64_t)(a->argc + 1) * WORD;
    img->rsp = img->argv - WORD; /* the fake return address, 0 */
    img->argc = a->argc;
    return ERR_OK;
}

/* open_executable: open and validate argv[0] into IMG; reads its image. */
static int open_executable(struct user_image *img, const char *path, struct inode *cwd,
                           struct elf_image *elf)
{
    int err = file_open(path, cwd, &img->file);
    if (err < 0) {
        img->file = NULL;
        printf("load: %s: open failed\n", path);
        return err;
    }
    file_deny_write(img->file);
    return elf_read_image(img->file, elf);
}

int load_image(const char *cmdline, struct inode *cwd, struct user_image *out)
{
    struct arg_list args;
    struct elf_image *elf = kmalloc(sizeof *elf);
    memset(out, 0, sizeof *out);
    int err = args_split(cmdline, &args);
    if (err == ERR_OK && !elf)
        err = ERR_NO_MEMORY;
    if (err == ERR_OK && !(out->pml4 = uspace_create()))
        err = ERR_NO_MEMORY;
    if (err == ERR_OK)
        err = open_executable(out, args.argv[0], cwd, elf);
    if (err == ERR_OK)
        err = segments_clear_of_stack(elf);
    for (int i = 0; err == ERR_OK && i < elf->segment_count; i++)
        err = load_segment(out, &elf->segments[i]);
    if (err == ERR_OK)
        err = setup_stack(out, &args);
    if (err == ERR_OK)
        out->entry = elf->entry;
    else
        load_image_discard(out);
    kfree(elf);
    args_free(&args);
    return err;
}

void load_image_discard(struct user_image *img)
{
    file_close(img->file);
    uspace_destroy(img->pml4);
    img->file = NULL;
    img->pml4 = NULL;
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
