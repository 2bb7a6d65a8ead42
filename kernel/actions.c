/* Boot actions named on the command line, each run in order by kmain, with
 * a leak audit around every action: the free frames and heap bytes after an
 * action must equal those before it. With -audit (or -v) a difference is
 * reported as a failure. */
#include "drivers/block.h"
#include "fs/file.h"
#include "fs/fsbench.h"
#include "kernel/errors.h"
#include "kernel/input.h"
#include "kernel/kernel.h"
#include "kernel/ktest.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "mm/page_cache.h"
#include "mm/swap.h"
#include "mm/vm.h"
#include "mm/pmm.h"
#include "proc/process.h"
#include "proc/thread.h"

#define FAULT_RECURSION_LIMIT 1000000 /* frames: far beyond any kernel stack */

#define AUDIT_SETTLE_TICKS (10 * TIMER_HZ) /* how long orphans may run on */

typedef int action_fn(const struct cmdline_action *a);

static action_fn action_ktest, action_fault, action_blockbench, action_fsbench, action_run;

const struct cmdline_action_desc kernel_actions[] = {
    {"ktest", 0, 1},   {"fault", 1, 1}, {"blockbench", 0, 1},
    {"fsbench", 0, 1}, {"run", 1, 1},   {NULL, 0, 0},
};

/* The handler of kernel_actions[i] (the parser's table cannot hold it). */
static action_fn *const action_handlers[] = {action_ktest, action_fault, action_blockbench,
                                             action_fsbench, action_run};
_Static_assert(sizeof action_handlers / sizeof action_handlers[0] ==
                   sizeof kernel_actions / sizeof kernel_actions[0] - 1,
               "one handler per action");

/* action_run: `run 'CMD ARGS'`: run a user process and wait for it. */
static int action_run(const struct cmdline_action *a)
{
    const char *cmd = a->argv[0];
    if (!fs_mounted()) {
        printf("run: no file system to load '%s' from\n", cmd);
        return -1;
    }
    printf("Executing '%s':\n", cmd);
    pid_t pid = process_execute(cmd);
    if (pid < 0) {
        printf("run: cannot start '%s': %s\n", cmd, err_name(pid));
        return -1;
    }
    process_wait(pid);
    printf("Execution of '%s' complete.\n", cmd);
    return 0;
}

/* action_ktest: `ktest [SUITE]`: in-kernel unit tests. */
static int action_ktest(const struct cmdline_action *a)
{
    return ktest_run(a->argc ? a->argv[0] : NULL) ? -1 : 0;
}

/* fault_null_write: a kernel write through a null pointer. */
static __attribute__((noinline)) void fault_null_write(void)
{
    *(volatile int *)0 = 1;
}

/* fault_recurse: recursion deep enough (LIMIT frames) to run into the
 * stack's guard page long before it returns. */
static __attribute__((noinline)) int fault_recurse(volatile int depth, int limit)
{
    volatile char frame[64];
    frame[0] = (char)depth;
    if (depth == limit)
        return frame[0];
    return fault_recurse(depth + 1, limit) + frame[0];
}

/* fault_stack_thread: the body of the thread that overflows its stack. */
static void fault_stack_thread(void *arg)
{
    (void)arg;
    fault_recurse(0, FAULT_RECURSION_LIMIT);
}

/* fault_stack: overflow a kernel thread's stack into its guard page: the
 * CPU cannot push the page-fault frame and raises a double fault, handled
 * on its own IST stack. */
static void fault_stack(void)
{
    struct thread *t = thread_create("overflow", PRIORITY_DEFAULT, fault_stack_thread, NULL);
    if (t)
        thread_join(t);
}

/* action_fault: `fault KIND`: deliberately crash the kernel to show the
 * panic path. KIND: null (page fault), ud (invalid opcode), stack (kernel
 * stack overflow), panic. */
static int action_fault(const struct cmdline_action *a)
{
    const char *kind = a->argv[0];
    printf("Deliberate kernel fault: %s\n", kind);
    if (!strcmp(kind, "null"))
        fault_null_write();
    else if (!strcmp(kind, "ud"))
        __asm__ volatile("ud2");
    else if (!strcmp(kind, "stack"))
        fault_stack();
    else if (!strcmp(kind, "panic"))
        panic("deliberate panic requested on the command line");
    printf("fault: unknown kind '%s' (null, ud, stack, panic)\n", kind);
    return -1;
}

#define BENCH_BYTES         (16ul << 20)
#define BENCH_CHUNK_SECTORS 128
#define BENCH_MIN_TICKS     TIMER_HZ

/* action_blockbench: `blockbench [DEV]`: read the first 16 MiB of raw
 * sectors of DEV (default: the first disk; less if it is smaller)
 * sequentially in 64 KiB requests, again and again until at least
 * BENCH_MIN_TICKS passed, and print the throughput. */
static int action_blockbench(const struct cmdline_action *a)
{
    struct block_device *dev = a->argc ? block_find(a->argv[0]) : block_find_role(BLOCK_ROLE_DISK);
    if (!dev) {
        printf("blockbench: no such disk\n");
        return -1;
    }
    void *buf = kmalloc(BENCH_CHUNK_SECTORS * BLOCK_SECTOR_SIZE);
    if (!buf)
        return -1;
    uint64_t span = BENCH_BYTES / BLOCK_SECTOR_SIZE;
    span = span < dev->sector_count ? span : dev->sector_count;
    uint64_t start = timer_ticks(), done = 0, passes = 0;
    int err = 0;
    while (err == 0 && (passes == 0 || timer_ticks() - start < BENCH_MIN_TICKS)) {
        for (uint64_t s = 0; s < span && err == 0; s += BENCH_CHUNK_SECTORS) {
            uint32_t n = span - s < BENCH_CHUNK_SECTORS ? span - s : BENCH_CHUNK_SECTORS;
            err = block_read(dev, s, n, buf);
            done += n;
        }
        passes++;
    }
    uint64_t ticks = timer_ticks() - start;
    kfree(buf);
    if (err < 0) {
        printf("blockbench: %s: %s\n", dev->name, err_name(err));
        return -1;
    }
    uint64_t kib_per_s = ticks ? done * BLOCK_SECTOR_SIZE / 1024 * TIMER_HZ / ticks : 0;
    printf("blockbench: %s: %lu x %lu KiB in %lu ticks: %lu.%02lu MiB/s\n", dev->name, passes,
           span * BLOCK_SECTOR_SIZE / 1024, ticks, kib_per_s / 1024, kib_per_s % 1024 * 100 / 1024);
    return 0;
}

/* action_fsbench: `fsbench [RUNS]`: file-system throughput (fs/fsbench.c),
 * RUNS rounds (default FSBENCH_DEFAULT_RUNS) and their medians. */
static int action_fsbench(const struct cmdline_action *a)
{
    int runs = a->argc ? 0 : FSBENCH_DEFAULT_RUNS;
    for (const char *p = a->argc ? a->argv[0] : ""; *p && runs <= FSBENCH_MAX_RUNS; p++)
        runs = *p >= '0' && *p <= '9' ? runs * 10 + (*p - '0') : FSBENCH_MAX_RUNS + 1;
    if (runs < 1 || runs > FSBENCH_MAX_RUNS) {
        printf("fsbench: RUNS must be 1 to %d\n", FSBENCH_MAX_RUNS);
        return -1;
    }
    return fsbench_run(runs) < 0 ? -1 : 0;
}

struct audit_snapshot {
    size_t free_frames;
    size_t swap_slots; /* in use */
    struct kmalloc_stats heap;
};

/* audit_take: record the free frames and heap usage now into S. The page
 * cache gives its frames back first (dirty pages written to their files):
 * cached file data is no leak, and a page of a removed file is dropped
 * with its inode, so anything still held after that is one. */
static void audit_take(struct audit_snapshot *s)
{
    page_cache_drop_all();
    s->free_frames = pmm_free_count();
    s->swap_slots = swap_used_count();
    kmalloc_get_stats(&s->heap);
}

/* audit_check: once every user process is gone (orphans may outlive the
 * action), compare with BEFORE; returns false (and reports) on a leak. If
 * processes are still running after AUDIT_SETTLE_TICKS there is nothing to
 * compare: say so with -v and pass. */
static bool audit_check(const struct audit_snapshot *before, const char *what)
{
    struct audit_snapshot after;
    if (!process_settle(AUDIT_SETTLE_TICKS)) {
        if (kernel_cmdline.verbose)
            printf("Leak audit after %s skipped: user processes still running\n", what);
        return true;
    }
    audit_take(&after);
    if (after.free_frames == before->free_frames && after.swap_slots == before->swap_slots &&
        after.heap.bytes_in_use == before->heap.bytes_in_use)
        return true;
    if (kernel_cmdline.audit || kernel_cmdline.verbose)
        printf("Leak audit FAILED after %s: %ld frames, %ld swap slots, %ld heap bytes not "
               "returned\n",
               what, (long)(before->free_frames - after.free_frames),
               (long)(after.swap_slots - before->swap_slots),
               (long)(after.heap.bytes_in_use - before->heap.bytes_in_use));
    return !kernel_cmdline.audit;
}

/* default_action: what runs when the command line names no action. */
static void default_action(struct cmdline *c)
{
    c->actions[0] = (struct cmdline_action){.name = "run", .argc = 1, .argv = {"shell"}};
    c->power_off = true; /* when the shell exits */
    c->action_count = 1;
}

int kernel_run_actions(void)
{
    int failures = 0;
    if (kernel_cmdline.action_count == 0)
        default_action(&kernel_cmdline);
    for (int i = 0; i < kernel_cmdline.action_count; i++) {
        const struct cmdline_action *a = &kernel_cmdline.actions[i];
        struct audit_snapshot before;
        audit_take(&before);
        int idx = 0;
        while (strcmp(kernel_actions[idx].name, a->name))
            idx++;
        if (action_handlers[idx](a) < 0)
            failures++;
        if (!audit_check(&before, a->name))
            failures++;
    }
    return failures;
}

/* mount_root_fs: mount the first ext2 partition (type 0x83) with fs_init.
 * Without one, say what storage was found and that there is no file
 * system; if ext2 refuses it (it prints why), say so. Either way go on
 * without a file system; with -v, describe the one mounted. */
static void mount_root_fs(void)
{
    struct block_device *dev = block_find_role(BLOCK_ROLE_FILESYS);
    if (!dev) {
        storage_report();
        printf("fs: no ext2 partition (type 0x83) found; no file system\n");
        return;
    }
    int err = fs_init(dev);
    if (err < 0) {
        printf("fs: cannot mount %s (%s); no file system\n", dev->name, err_name(err));
        return;
    }
    if (!kernel_cmdline.verbose)
        return;
    struct ext2_fs_stats st;
    fs_get_stats(&st);
    printf("fs: ext2 on %s: %u blocks of %u bytes, %u free; %u inodes, %u free\n", dev->name,
           st.blocks_count, st.block_size, st.free_blocks, st.inodes_count, st.free_inodes);
}

void kernel_init_subsystems(void)
{
    storage_init();
    vm_init(); /* the frame table (the page cache's) and swap, before the mount */
    mount_root_fs();
    input_init();
    process_init();
}

void kernel_shutdown_hooks(void)
{
    if (fs_mounted()) {
        int err = fs_shutdown();
        if (err < 0)
            printf("fs: unmount failed (%s); the disk may need e2fsck\n", err_name(err));
    }
}
