/* Building a user image for exec: open the executable, validate it, map
 * its segments, and lay out the argument stack exactly as ABI.md says. The
 * image is built on the side (a fresh page table) so that exec can commit
 * it at one point or throw it away. */
#pragma once
#include "user/include/abi.h" /* USER_STACK, USER_STACK_LIMIT */
#include <stdint.h>
#include "mm/paging.h"

#define LOAD_CMDLINE_MAX PAGE_SIZE

struct file;
struct inode;
struct trap_frame;
struct spt;

struct user_image {
    struct spt *spt;   /* the new address space (its pages and pml4) */
    struct file *file; /* the executable, denying writes */
    uint64_t entry;    /* initial rip */
    uint64_t rsp;      /* at the fake return address */
    uint64_t argv;     /* user address of argv[0]'s pointer */
    long argc;
};

/* load_image: build the image for CMDLINE (kernel memory) with file names
 * relative to CWD; an executable with a segment in the stack area
 * (USER_STACK_LIMIT below USER_STACK) is refused (ERR_BAD_FORMAT). Prints "load: FILE: open failed"
 * when the executable cannot be opened. Returns 0 or a negative ERR_ code (nothing leaks). */
int load_image(const char *cmdline, struct inode *cwd, struct user_image *out);
/* load_image_discard: free an image that will not run. */
void load_image_discard(struct user_image *img);
/* load_frame_init: the register state at entry of IMG: rip, rsp, rdi =
 * argc, rsi = argv, other registers zero, RFLAGS with IF, user segments. */
void load_frame_init(const struct user_image *img, struct trap_frame *tf);
/* load_program_name: the first word of CMDLINE into NAME (SIZE bytes). */
void load_program_name(const char *cmdline, char *name, size_t size);
