/* Kernel command line (PintOS style): options first, then actions.
 *   options:  -q (power off when the actions are done), -v (verbose),
 *             -audit (leak audit failures fail the run), mem=SIZE (use at
 *             most SIZE bytes of RAM; K/M/G suffixes), -ul=COUNT (frames for
 *             user pages), ata=pio (IDE disks by PIO even where bus-master
 *             DMA is available)
 *   actions:  run 'CMD ARGS' | ktest [SUITE] | fault KIND | ...
 * Single quotes group words; the text comes from the Multiboot2 tag or, when
 * present, the fw_cfg file opt/cmdline (which wins). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define CMDLINE_MAX             1024
#define CMDLINE_MAX_WORDS       64
#define CMDLINE_MAX_ACTIONS     16
#define CMDLINE_ACTION_MAX_ARGS 2

/* KERNEL_MEM_MIN_MIB: the least RAM the kernel runs in. A smaller mem= is
 * refused when the command line is parsed; a machine with less available
 * RAM is refused at boot (pmm_init). What boot takes, counted as mem=
 * counts (available RAM from address 0 up): the first MiB (BIOS areas,
 * low RAM), the kernel image and boot information (~0.5 MiB), the frame
 * bitmap, page tables and kernel stacks, the heap with the buffer cache
 * (256 blocks: 1.1 MiB with 4 KiB blocks), swap buffers; then a user
 * program needs its pages. mem=3328K is the least that boots with every
 * subsystem and runs `echo` on 4 KiB blocks (measured); the minimum
 * rounds that up to whole MiB with room for a program (spec
 * boot-mem-min runs at exactly this size). */
#define KERNEL_MEM_MIN_MIB 4

struct cmdline_action {
    const char *name;
    int argc;
    const char *argv[CMDLINE_ACTION_MAX_ARGS];
};

struct cmdline {
    bool power_off;        /* -q */
    bool verbose;          /* -v */
    bool audit;            /* -audit */
    uint64_t mem_limit;    /* mem=, 0 = no limit */
    long user_frame_limit; /* -ul=, -1 = no limit */
    bool ata_pio;          /* ata=pio */
    int action_count;
    struct cmdline_action actions[CMDLINE_MAX_ACTIONS];
};

/* Describes one action for the parser: its name and how many arguments it
 * takes (min..max; optional arguments are taken unless the next word is an
 * action name). */
struct cmdline_action_desc {
    const char *name;
    int min_args, max_args;
};

/* cmdline_parse: parse TEXT (modified in place) into OUT using the action
 * table DESCS (terminated by a NULL name). On error returns a negative
 * ERR_ code and writes a message into ERR (size ERR_SIZE). */
int cmdline_parse(char *text, const struct cmdline_action_desc *descs, struct cmdline *out,
                  char *err, int err_size);

/* The command line of this boot, parsed once at startup by kmain. */
extern struct cmdline kernel_cmdline;
