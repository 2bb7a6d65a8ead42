/* vm-fuzz [SEED [OPS [PAGES [oom]]]]: random operations on anonymous memory,
 * checked against a model, to shake out demand paging, eviction, swap,
 * stack growth and the copy semantics of fork.
 *
 * The memory: PAGES "model pages" (default 192, 768 KiB) spread evenly
 * over a 4 MiB bss arena, so the working set (with the stack and the
 * model) is a few times a small user frame cap (the specs run with -ul=96)
 * but not hundreds of times. Each page is SLICES slices of 64 bytes; the
 * model (`gens`, itself in bss, so it pages too) holds one generation per
 * slice, 0 = never written (reads as zero).
 * Word W of model page P in a slice of generation G holds
 * word_value(P, G, W), so a stale page, a page of another index or a
 * shifted page is told apart from the right one, and a mismatch names what
 * was found instead. A few pages between model pages ("sentinels") must
 * stay zero in this process whatever its children write.
 *
 * The operations (a fixed-seed xorshift PRNG picks them; the same
 * arguments make the same run):
 * - touch: write a whole page, or one to four 64-byte slices of it, with
 *   the next generation;
 * - verify: compare a page (or a run of pages, or a sentinel) with the
 *   model;
 * - range: touch or verify a run of consecutive pages (sequential faults);
 * - stack: recurse a random depth (up to MAX_DEPTH frames of a page each,
 *   within the 1 MiB stack limit), each frame filled and checked after the
 *   deeper frames returned; sometimes a child forked at the bottom checks
 *   every frame above it, then overwrites them (the parent's must not
 *   change);
 * - fork: a child ("vmf-child") checks every page of its inherited copy,
 *   rewrites some pages the parent chose, and exits with FORK_STATUS + the
 *   count; the parent then checks those pages still hold its own data;
 * - exec: a child ("vmf-exec") dirties a few pages and execs child-simple;
 * - exit: a child ("vmf-exit") dirties many pages all over the arena
 *   (sentinels included) and exits without looking at them again;
 * - multi: two or three children ("vmf-multi") run at once, each rewriting
 *   pages the parent chose, doing its own random work and checking all its
 *   pages at the end, while the parent keeps working too: several
 *   processes fault and evict concurrently.
 * The parent checks every child's exit status, and at the end all its
 * pages, and prints a summary that depends only on the arguments. */
#include "lib.h"

#include <stdalign.h>

#define ARENA_PAGES 1024 /* 4 MiB of bss */
#define WORDS_PER_PAGE (PAGE_SIZE / (int)sizeof(uint64_t))
#define SLICES 64
#define WORDS_PER_SLICE (WORDS_PER_PAGE / SLICES)
#define MAX_GEN 255 /* generations run 1..MAX_GEN, then wrap to 1 */
#define DEFAULT_SEED 1
#define DEFAULT_OPS 4000
#define DEFAULT_PAGES 192
#define SENTINELS 32
#define PROGRESS_EVERY 1000
#define PER_MILLE 1000
/* How often (per 1000 operations) the parent runs each kind of child; the
 * rest are simple operations. Forks dominate the cost under eviction (a
 * child copies, faults in and checks the whole working set). */
#define FORK_PER_MILLE 4
#define EXEC_PER_MILLE 3
#define EXIT_PER_MILLE 3
#define MULTI_PER_MILLE 2
/* Stack recursion: usually shallow, one time in DEEP_EVERY up to
 * MAX_DEPTH frames of a page and a bit (about 270 KiB). */
#define SHALLOW_DEPTH 16
#define MAX_DEPTH 64
#define DEEP_EVERY 8
#define STACK_FORK_EVERY 32
/* Per-operation limits. */
#define MAX_SLICE_TOUCH 4
#define MIN_RANGE 4
#define MAX_RANGE 32
#define MAX_FORK_PAGES 8
#define MAX_EXEC_DIRTY 16
#define MIN_EXIT_DIRTY 32
#define MAX_EXIT_DIRTY 160
#define MAX_MULTI 3
#define MULTI_PAGES 4
#define MIN_MULTI_OPS 16
#define MAX_MULTI_OPS 64
#define MAX_PARENT_MULTI_OPS 24
/* Exit statuses of the children (fork-verify adds its page count). */
#define FORK_STATUS 100
#define MULTI_STATUS 110
#define EXIT_STATUS 120
#define STACK_STATUS 130
#define EXEC_PROGRAM "child-simple"
/* Mix-ins: what the children write where the parent never looks, and how
 * a stack-fork child changes its frames. */
#define EXIT_SALT 0xe817e817e817e817ull
#define CHILD_FRAME_SALT 0xc41dc41dc41dc41dull
#define DESCRIBE_LEN 96

/* The arena and the model: bss, paged like everything else. */
static alignas(PAGE_SIZE) uint64_t arena[ARENA_PAGES][WORDS_PER_PAGE];
static uint8_t gens[ARENA_PAGES][SLICES];

/* State of this process: the PRNG, the shape of the model, and (in the
 * parent only) the counters of the summary. */
static struct {
    uint64_t rng;
    unsigned npages;     /* model pages */
    unsigned stride;     /* arena pages per model page */
    unsigned nsentinels; /* zero pages between model pages */
    unsigned op;         /* current operation of the parent (for messages) */
    unsigned forks, execs;
    bool oom; /* memory may run out: a child ended with -1 or a failed fork is no error */
} st;

static uint64_t rnd(void)
{
    uint64_t x = st.rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    st.rng = x;
    return x * 0x2545f4914f6cdd1dull;
}

/* below: a random number in [0, N) (from the high bits, the best ones
 * of xorshift64*). */
static unsigned below(unsigned n)
{
    return (unsigned)((rnd() >> 32) % n);
}

/* mix: the splitmix64 finaliser, a bijection that scatters its input. */
static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* word_value: what word W of model page PAGE holds at generation GEN. */
static uint64_t word_value(unsigned page, unsigned gen, unsigned w)
{
    if (gen == 0)
        return 0;
    return mix(((uint64_t)page << 32) | ((uint64_t)gen << 16) | w);
}

static uint64_t *model_page(unsigned page)
{
    return arena[page * st.stride];
}

static uint64_t *sentinel_page(unsigned i)
{
    return arena[i * st.stride + 1];
}

static unsigned next_gen(unsigned gen)
{
    return gen == MAX_GEN ? 1 : gen + 1;
}

static unsigned random_page(void)
{
    return below(st.npages);
}

/* describe: what GOT, found in word W of model page PAGE, looks like:
 * zero, another generation of the page, or some other page's word. */
static void describe(uint64_t got, unsigned page, unsigned w, char *out, size_t size)
{
    if (got == 0) {
        snprintf(out, size, "zero");
        return;
    }
    for (unsigned g = 1; g <= MAX_GEN; g++) {
        if (word_value(page, g, w) == got) {
            snprintf(out, size, "generation %u of this page", g);
            return;
        }
    }
    for (unsigned p = 0; p < st.npages; p++) {
        for (unsigned g = 1; g <= MAX_GEN; g++) {
            if (word_value(p, g, w) == got) {
                snprintf(out, size, "page %u generation %u", p, g);
                return;
            }
        }
    }
    for (unsigned x = 0; x < WORDS_PER_PAGE; x++) {
        for (unsigned g = 1; g <= MAX_GEN; g++) {
            if (word_value(page, g, x) == got) {
                snprintf(out, size, "word %u generation %u of this page", x, g);
                return;
            }
        }
    }
    snprintf(out, size, "unknown");
}

/* verify_page: fail unless model page PAGE matches the model. */
static void verify_page(unsigned page)
{
    const volatile uint64_t *p = model_page(page);
    for (unsigned w = 0; w < WORDS_PER_PAGE; w++) {
        unsigned gen = gens[page][w / WORDS_PER_SLICE];
        uint64_t want = word_value(page, gen, w);
        uint64_t got = p[w];
        if (got == want)
            continue;
        unsigned bad = 0, last = w;
        for (unsigned x = w; x < WORDS_PER_PAGE; x++) {
            if (p[x] != word_value(page, gens[page][x / WORDS_PER_SLICE], x)) {
                bad++;
                last = x;
            }
        }
        char what[DESCRIBE_LEN];
        describe(got, page, w, what, sizeof what);
        fail("op %u: page %u (%p) word %u: expected %#llx (generation %u) got %#llx (%s); "
             "%u words differ, the last at word %u",
             st.op, page, (void *)p, w, (unsigned long long)want, gen, (unsigned long long)got,
             what, bad, last);
    }
}

static void verify_all(void)
{
    for (unsigned page = 0; page < st.npages; page++)
        verify_page(page);
}

/* verify_sentinel: fail unless sentinel page I is all zero. */
static void verify_sentinel(unsigned i)
{
    const volatile uint64_t *p = sentinel_page(i);
    for (unsigned w = 0; w < WORDS_PER_PAGE; w++) {
        if (p[w] != 0)
            fail("op %u: sentinel page %u (%p) word %u: expected 0 got %#llx", st.op, i, (void *)p,
                 w, (unsigned long long)p[w]);
    }
}

/* touch_slice: write slice S of model page PAGE with its next generation. */
static void touch_slice(unsigned page, unsigned s)
{
    unsigned gen = next_gen(gens[page][s]);
    gens[page][s] = (uint8_t)gen;
    uint64_t *p = model_page(page) + s * WORDS_PER_SLICE;
    for (unsigned i = 0; i < WORDS_PER_SLICE; i++)
        p[i] = word_value(page, gen, s * WORDS_PER_SLICE + i);
}

static void touch_page(unsigned page)
{
    for (unsigned s = 0; s < SLICES; s++)
        touch_slice(page, s);
}

/* A stack frame of the recursion: a page of data and the way up. */
struct frame {
    struct frame *up;
    uint64_t salt;
    unsigned depth;
    uint64_t buf[WORDS_PER_PAGE];
};

static uint64_t frame_value(const struct frame *f, unsigned w)
{
    return mix(f->salt ^ ((uint64_t)f->depth << 48) ^ w);
}

static void fill_frame(struct frame *f)
{
    for (unsigned w = 0; w < WORDS_PER_PAGE; w++)
        f->buf[w] = frame_value(f, w);
    __asm__ volatile("" : : "r"(f) : "memory"); /* the frame escapes: no folding */
}

static void verify_frame(const struct frame *f)
{
    const volatile uint64_t *p = f->buf;
    for (unsigned w = 0; w < WORDS_PER_PAGE; w++) {
        uint64_t want = frame_value(f, w);
        if (p[w] != want)
            fail("op %u: stack frame at depth %u (%p) word %u: expected %#llx got %#llx", st.op,
                 f->depth, (void *)p, w, (unsigned long long)want, (unsigned long long)p[w]);
    }
}

/* stack_fork: at the bottom of a recursion, a child checks every frame
 * above it, rewrites them with other values and checks them again; the
 * parent's frames are checked as the parent unwinds. */
static void stack_fork(struct frame *bottom)
{
    st.forks++;
    pid_t pid = fork("vmf-stack");
    if (pid == PID_ERROR && st.oom)
        return;
    if (pid == PID_ERROR)
        fail("op %u: fork at stack depth %u failed", st.op, bottom->depth);
    if (pid == 0) {
        test_name = "vmf-stack";
        for (struct frame *f = bottom; f != NULL; f = f->up)
            verify_frame(f);
        for (struct frame *f = bottom; f != NULL; f = f->up) {
            f->salt ^= CHILD_FRAME_SALT;
            fill_frame(f);
        }
        for (struct frame *f = bottom; f != NULL; f = f->up)
            verify_frame(f);
        exit(STACK_STATUS);
    }
    int status = wait(pid);
    if (status != STACK_STATUS && !(st.oom && status == KILLED_STATUS))
        fail("op %u: stack child at depth %u exited with %d, expected %d", st.op, bottom->depth,
             status, STACK_STATUS);
}

/* recurse: one frame of the stack operation; recurses to depth TARGET. */
static __attribute__((noinline)) void recurse(struct frame *up, unsigned depth, unsigned target,
                                              uint64_t salt, bool fork_at_bottom)
{
    struct frame f;
    f.up = up;
    f.salt = salt;
    f.depth = depth;
    fill_frame(&f);
    if (depth < target)
        recurse(&f, depth + 1, target, salt, fork_at_bottom);
    else if (fork_at_bottom)
        stack_fork(&f);
    verify_frame(&f);
}

static void stack_op(bool may_fork)
{
    unsigned depth = 1 + (below(DEEP_EVERY) == 0 ? below(MAX_DEPTH) : below(SHALLOW_DEPTH));
    bool fork_at_bottom = may_fork && below(STACK_FORK_EVERY) == 0;
    recurse(NULL, 1, depth, rnd(), fork_at_bottom);
}

/* range_op: touch or verify a run of consecutive model pages. */
static void range_op(void)
{
    unsigned start = random_page();
    unsigned len = MIN_RANGE + below(MAX_RANGE - MIN_RANGE + 1);
    bool touch = below(2);
    for (unsigned i = 0; i < len; i++) {
        unsigned page = (start + i) % st.npages;
        if (touch)
            touch_page(page);
        else
            verify_page(page);
    }
}

/* simple_op: one operation that stays in this process (a stack operation
 * may fork when MAY_FORK). */
static void simple_op(bool may_fork)
{
    unsigned r = below(100);
    if (r < 35) {
        touch_page(random_page());
    } else if (r < 55) {
        unsigned page = random_page();
        unsigned n = 1 + below(MAX_SLICE_TOUCH);
        for (unsigned i = 0; i < n; i++)
            touch_slice(page, below(SLICES));
    } else if (r < 85) {
        verify_page(random_page());
    } else if (r < 92) {
        range_op();
    } else if (r < 97) {
        stack_op(may_fork);
    } else if (st.nsentinels > 0) {
        verify_sentinel(below(st.nsentinels));
    } else {
        verify_page(random_page());
    }
}

/* child_start: the first thing a child does. */
static void child_start(const char *name, uint64_t seed)
{
    test_name = name;
    st.rng = seed;
}

/* fork_child: fork a child named NAME (counted); fails the test if fork
 * does. */
static pid_t fork_child(const char *name)
{
    st.forks++;
    pid_t pid = fork(name);
    if (pid == PID_ERROR && !st.oom)
        fail("op %u: fork(\"%s\") failed", st.op, name);
    return pid;
}

static void expect_status(pid_t pid, int want, const char *what)
{
    int status = wait(pid);
    if (status != want && !(st.oom && status == KILLED_STATUS))
        fail("op %u: %s child exited with %d, expected %d", st.op, what, status, want);
}

/* fork_op: a child checks its whole copy, then rewrites the pages the
 * parent picked; the parent's copies of them must not change. */
static void fork_op(void)
{
    unsigned pages[MAX_FORK_PAGES];
    unsigned n = 1 + below(MAX_FORK_PAGES);
    for (unsigned i = 0; i < n; i++)
        pages[i] = random_page();
    uint64_t seed = rnd();
    pid_t pid = fork_child("vmf-child");
    if (pid == 0) {
        child_start("vmf-child", seed);
        verify_all();
        for (unsigned i = 0; i < n; i++)
            touch_page(pages[i]);
        for (unsigned i = 0; i < n; i++)
            verify_page(pages[i]);
        exit(FORK_STATUS + (int)n);
    }
    expect_status(pid, FORK_STATUS + (int)n, "fork");
    for (unsigned i = 0; i < n; i++)
        verify_page(pages[i]);
}

/* exec_op: a child dirties a few pages, then execs EXEC_PROGRAM (exec
 * must free them, resident or swapped). */
static void exec_op(void)
{
    unsigned n = below(MAX_EXEC_DIRTY + 1);
    uint64_t seed = rnd();
    st.execs++;
    pid_t pid = fork_child("vmf-exec");
    if (pid == 0) {
        child_start("vmf-exec", seed);
        for (unsigned i = 0; i < n; i++)
            touch_page(random_page());
        exec(EXEC_PROGRAM);
        fail("exec(\"%s\") returned", EXEC_PROGRAM);
    }
    expect_status(pid, CHILD_SIMPLE_STATUS, "exec");
}

/* exit_op: a child dirties many pages anywhere in the arena and exits
 * (exit must free them, resident or swapped); the parent's sentinels must
 * still be zero. */
static void exit_op(void)
{
    unsigned n = MIN_EXIT_DIRTY + below(MAX_EXIT_DIRTY - MIN_EXIT_DIRTY + 1);
    uint64_t seed = rnd();
    pid_t pid = fork_child("vmf-exit");
    if (pid == 0) {
        child_start("vmf-exit", seed);
        for (unsigned i = 0; i < n; i++) {
            unsigned a = below(ARENA_PAGES);
            for (unsigned w = 0; w < WORDS_PER_PAGE; w++)
                arena[a][w] = mix(EXIT_SALT ^ ((uint64_t)a << 16) ^ w);
        }
        exit(EXIT_STATUS);
    }
    expect_status(pid, EXIT_STATUS, "exit");
    if (st.nsentinels > 0)
        verify_sentinel(below(st.nsentinels));
    verify_page(random_page());
}

/* multi_op: several children at once, each with its own random work,
 * while the parent works too. */
static void multi_op(void)
{
    unsigned nkids = 2 + below(MAX_MULTI - 1);
    pid_t pids[MAX_MULTI];
    unsigned pages[MAX_MULTI][MULTI_PAGES];
    for (unsigned k = 0; k < nkids; k++) {
        for (unsigned i = 0; i < MULTI_PAGES; i++)
            pages[k][i] = random_page();
        unsigned nops = MIN_MULTI_OPS + below(MAX_MULTI_OPS - MIN_MULTI_OPS + 1);
        uint64_t seed = rnd();
        pids[k] = fork_child("vmf-multi");
        if (pids[k] == 0) {
            child_start("vmf-multi", seed);
            for (unsigned i = 0; i < MULTI_PAGES; i++)
                touch_page(pages[k][i]);
            for (unsigned i = 0; i < nops; i++)
                simple_op(false);
            verify_all();
            exit(MULTI_STATUS + (int)k);
        }
    }
    unsigned mine = below(MAX_PARENT_MULTI_OPS + 1);
    for (unsigned i = 0; i < mine; i++)
        simple_op(false);
    /* Wait in a random order. */
    bool waited[MAX_MULTI] = {false};
    for (unsigned left = nkids; left > 0; left--) {
        unsigned j = below(left), k = 0;
        for (;; k++) {
            if (!waited[k] && j-- == 0)
                break;
        }
        waited[k] = true;
        expect_status(pids[k], MULTI_STATUS + (int)k, "multi");
    }
    for (unsigned k = 0; k < nkids; k++) {
        for (unsigned i = 0; i < MULTI_PAGES; i++)
            verify_page(pages[k][i]);
    }
}

/* arg: argv[I] as a number, DEFAULT if absent. */
static long arg(int argc, char *argv[], int i, long def)
{
    return argc > i ? strtol(argv[i], NULL, 0) : def;
}

int main(int argc, char *argv[])
{
    test_name = "vm-fuzz";
    long seed = arg(argc, argv, 1, DEFAULT_SEED);
    long nops = arg(argc, argv, 2, DEFAULT_OPS);
    long npages = arg(argc, argv, 3, DEFAULT_PAGES);
    st.oom = argc > 4 && !strcmp(argv[4], "oom");
    if (nops < 0 || npages < 1 || npages > ARENA_PAGES)
        fail("usage: vm-fuzz [SEED [OPS [PAGES (1..%d) [oom]]]]", ARENA_PAGES);
    st.rng = mix((uint64_t)seed) | 1; /* xorshift needs a nonzero state */
    st.npages = (unsigned)npages;
    st.stride = ARENA_PAGES / st.npages;
    st.nsentinels = st.stride > 1 ? (st.npages < SENTINELS ? st.npages : SENTINELS) : 0;
    msg("seed %ld: %ld operations on %u pages (every %u KiB of a %d KiB arena)", seed, nops,
        st.npages, st.stride * PAGE_SIZE / 1024, ARENA_PAGES * PAGE_SIZE / 1024);

    for (st.op = 0; st.op < (unsigned)nops; st.op++) {
        unsigned r = below(PER_MILLE);
        if (r < FORK_PER_MILLE)
            fork_op();
        else if ((r -= FORK_PER_MILLE) < EXEC_PER_MILLE)
            exec_op();
        else if ((r -= EXEC_PER_MILLE) < EXIT_PER_MILLE)
            exit_op();
        else if ((r -= EXIT_PER_MILLE) < MULTI_PER_MILLE)
            multi_op();
        else
            simple_op(true);
        if ((st.op + 1) % PROGRESS_EVERY == 0)
            msg("%u operations done", st.op + 1);
    }
    verify_all();
    for (unsigned i = 0; i < st.nsentinels; i++)
        verify_sentinel(i);
    msg("%ld operations, %u forks, %u execs: all pages verified", nops, st.forks, st.execs);
    return 0;
}
