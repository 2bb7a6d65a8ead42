/* kmain: bring the machine up layer by layer, then run the actions of the
 * command line and power off (with -q) or idle.
 *
 * Order matters: the console first (so everything after can report), the
 * command line before the frame allocator (mem= caps it), paging before the
 * heap (the heap uses the full direct map), threads before any driver that
 * sleeps. */
#include "drivers/fw_cfg.h"
#include "drivers/shutdown.h"
#include "kernel/cmdline.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/kernel.h"
#include "kernel/multiboot.h"
#include "kernel/panic.h"
#include "kernel/pic.h"
#include "kernel/printf.h"
#include "mm/vm.h"
#include "kernel/sections.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/trap.h"
#include "mm/kmalloc.h"
#include "mm/kstack.h"
#include "mm/paging.h"
#include "mm/pmm.h"
#include "proc/thread.h"

#define KERNEL_NAME     "Cinder"
#define KERNEL_VERSION  "0.1"
#define MIB             (1024 * 1024)
#define CMDLINE_ERR_MAX 128 /* room for the parser's error message */

static char cmdline_text[CMDLINE_MAX];

/* cmdline_load: the command line from fw_cfg opt/cmdline if present, else
 * from the Multiboot2 tag; parsed into kernel_cmdline. A bad command line
 * is reported and ends the run with the failure code. */
static void cmdline_load(paddr_t mbi)
{
    const char *source = "fw_cfg";
    if (fw_cfg_read_file("opt/cmdline", cmdline_text, sizeof cmdline_text) < 0) {
        struct mb2_tag_string *t = (struct mb2_tag_string *)mb2_find_tag(mbi, MB2_TAG_CMDLINE);
        strlcpy(cmdline_text, t ? t->string : "", sizeof cmdline_text);
        source = "multiboot";
    }
    printf("Command line (%s): %s\n", source, cmdline_text);
    char err[CMDLINE_ERR_MAX];
    if (cmdline_parse(cmdline_text, kernel_actions, &kernel_cmdline, err, sizeof err) < 0) {
        printf("Bad command line: %s\n", err);
        kernel_power_off(SHUTDOWN_FAILURE);
    }
}

/* print_boot_details: the memory map and CPU protections (-v). */
static void print_boot_details(paddr_t mbi)
{
    struct mb2_tag_mmap *m = (struct mb2_tag_mmap *)mb2_find_tag(mbi, MB2_TAG_MMAP);
    for (char *p = (char *)m->entries; p < (char *)m + m->tag.size; p += m->entry_size) {
        struct mb2_mmap_entry *e = (struct mb2_mmap_entry *)p;
        printf("  RAM map: %016lx-%016lx %s\n", e->base, e->base + e->length,
               e->type == MB2_MMAP_AVAILABLE ? "available" : "reserved");
    }
    printf("  Kernel image: %lu KiB; frame allocator covers [0, 0x%lx)\n",
           (uint64_t)(_kernel_end - _kernel_start) / 1024, pmm_max_phys());
    printf("  Paging: NX on, WP on, SMEP %s, SMAP %s\n", paging_has_smep() ? "on" : "off",
           paging_has_smap() ? "on" : "off");
}

void kernel_power_off(enum shutdown_code code)
{
    kernel_shutdown_hooks();
    printf("Timer: %lu ticks\n", timer_ticks());
    if (kernel_cmdline.verbose)
        vm_stats_print(); /* PintOS prints its statistics here too */
    printf("Powering off...\n");
    shutdown_power_off(code);
}

__attribute__((noreturn)) void kmain(uint32_t magic, uint32_t mbi)
{
    /* kmain is the outermost frame: tell debuggers' unwinders so (its
     * return address is the 0 the boot stub pushed). */
    __asm__ volatile(".cfi_undefined rip");
    console_init();
    gdt_init();
    trap_init();
    printf("%s %s: x86-64 demand-paging teaching kernel\n", KERNEL_NAME, KERNEL_VERSION);
    if (magic != MB2_BOOTLOADER_MAGIC)
        boot_fail("not loaded by a Multiboot2 loader (magic 0x%x)", magic);
    cmdline_load(mbi);
    pmm_init(mbi);
    paging_init();
    kstack_init();
    printf("Memory: %lu MiB usable, %lu frames free\n", pmm_total_count() * PAGE_SIZE / MIB,
           pmm_free_count());
    if (kernel_cmdline.verbose)
        print_boot_details(mbi);
    thread_init();
    pic_init();
    timer_init();
    thread_start();
    kernel_init_subsystems();
    printf("Boot complete.\n");
    int failures = kernel_run_actions();
    if (kernel_cmdline.power_off)
        kernel_power_off(failures ? SHUTDOWN_FAILURE : SHUTDOWN_OK);
    for (;;)
        thread_sleep(TIMER_HZ);
}
