/* fuzz-syscalls: random system calls with hostile arguments must never
 * crash the kernel. ROUNDS rounds, each in a forked child (so a kill ends
 * only the child), make CALLS_PER_ROUND system calls with a random number
 * (out-of-range ones included, halt excluded) and arguments drawn from
 * sets of interesting values: 0, -1, small and huge integers, descriptor
 * edges, kernel and non-canonical addresses, unmapped user addresses,
 * valid buffers, addresses just below a page boundary, strings that
 * straddle pages or run into an unmapped page. The PRNG has a fixed seed,
 * so every run makes the same calls.
 *
 * The child first closes fds 0 and 1, so no call can block on console
 * input or spam the console; it cannot print, and its exit line (status
 * 0, -1, or a random exit status) is not checked: the spec requires only
 * the parent's lines. A grandchild made by a random fork exits at once.
 * Writable buffers the fuzzer hands out are placed so an overrun runs into
 * an unmapped page, never into the child's own state: the tail of the
 * stack page (above every frame) and the end of `fz` (the PRNG state
 * lies before the buffers). The children exec (and corrupt) a copy of
 * child-simple, fz-prog; at the end the parent checks that files, fork,
 * exec of the intact child-simple and wait still work. */
#include "lib.h"

#include <stdalign.h>

#define ROUNDS 3000
#define CALLS_PER_ROUND 64
#define HOSTILE_EVERY 3 /* every third round is fully hostile, the rest gentle */
#define SEED 0x5eed1234abcdef01ull
#define SEED_STEP 0x9e3779b97f4a7c15ull /* each round its own sequence */
#define FUZZ_FILE "fz-file"
#define SYS_NR_RANGE 26 /* numbers tried most often: 0..25 (a few past the table) */
#define STACK_TAIL 32   /* bytes of the stack page the fuzzer may scribble on */
#define LONG_STRING_LEN 600

/* Everything the child's loop depends on lives at the start of this
 * struct, before the buffers, so a read past a buffer cannot reach it. */
static struct {
    uint64_t rng;
    alignas(PAGE_SIZE) char buf[3 * PAGE_SIZE];
} fz;

static uint64_t rnd(void)
{
    uint64_t x = fz.rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    fz.rng = x;
    return x * 0x2545f4914f6cdd1dull;
}

static uint64_t pick(const uint64_t *set, size_t n)
{
    return set[rnd() % n];
}

static const uint64_t plain_values[] = {
    0,
    1,
    2,
    3,
    4,
    5,
    7,
    8,
    13,
    64,
    127,
    128,
    129,
    130,
    131,
    255,
    256,
    4095,
    4096,
    4097,
    0x7fffffff,
    0x80000000,
    0xffffffff,
    0x100000000,
    0x7fffffffffffffff,
    0x8000000000000000,
    (uint64_t)-1,
    (uint64_t)-2,
    (uint64_t)-4096,
    0xfffffffful << 12,
};

static const uint64_t bad_addresses[] = {
    0,
    1,
    0xfff,
    0x1000,
    0x3ff000,
    0x3fffff,
    0x10000000,
    0x20000000,
    0x54321000,
    USER_STACK,
    USER_STACK - 0x200000,
    USER_TOP - 1,
    USER_TOP - PAGE_SIZE,
    USER_TOP,
    USER_TOP + 1,
    0xffff800000000000,
    0xffff800000100000,
    0xffffffff80000000,
    0xffffffff80100000,
    0xffffc00000000000,
    0x0000800000000000,
    0x00007ffffffff000,
    0x8000000000000000,
    0xdeadbeefdeadbeef,
    (uint64_t)-1,
    (uint64_t)-4096,
};

static const uint64_t sizes[] = {
    0,    1,    2,     15,         16,         100,        4095,        4096,
    4097, 8192, 65536, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, (uint64_t)-1,
};

static const char *const names[] = {
    FUZZ_FILE,      "fz-a",      "fz-b",          "",        " ",      "/",       ".",        "..",
    "no-such-file", "fz-a b  c", "fz-prog 1 2 3", "fz-prog", "//fz-a", "fz-dir/", "fz-dir/x",
};

static char long_string[LONG_STRING_LEN + 1];

/* a_string: a pointer to a string (valid, straddling or unterminated). */
static uint64_t a_string(void)
{
    char *boundary = fz.buf + PAGE_SIZE;
    char *end = fz.buf + sizeof fz.buf;
    switch (rnd() % 6) {
    case 0:
        return (uint64_t)long_string;
    case 1: /* a name straddling the page boundary inside fz.buf */
        strlcpy(boundary - 3, names[rnd() % 3], 16);
        return (uint64_t)(boundary - 3);
    case 2: /* unterminated up to an unmapped page */
        memset(end - 16, 'x', 16);
        return (uint64_t)(end - 16);
    case 3: /* the stack tail, unterminated up to USER_STACK */
        memset((char *)(USER_STACK - STACK_TAIL), 'y', STACK_TAIL);
        return USER_STACK - STACK_TAIL;
    default:
        return (uint64_t)names[rnd() % (sizeof names / sizeof *names)];
    }
}

/* a_pointer: any address: bad, valid, writable or read-only. */
static uint64_t a_pointer(void)
{
    char *end = fz.buf + sizeof fz.buf;
    switch (rnd() % 8) {
    case 0:
    case 1:
        return pick(bad_addresses, sizeof bad_addresses / sizeof *bad_addresses);
    case 2:
        return (uint64_t)(end - 1 - rnd() % 64); /* just below an unmapped page */
    case 3:
        return (uint64_t)(fz.buf + PAGE_SIZE - 1 - rnd() % 8); /* below a page boundary */
    case 4:
        return USER_STACK - 1 - rnd() % STACK_TAIL;
    case 5:
        return (uint64_t)&test_main + rnd() % 64; /* read-only code */
    case 6:
        return a_string();
    default:
        return (uint64_t)fz.buf + rnd() % sizeof fz.buf;
    }
}

/* an_arg: a random argument of any kind. */
static uint64_t an_arg(void)
{
    switch (rnd() % 5) {
    case 0:
        return pick(plain_values, sizeof plain_values / sizeof *plain_values);
    case 1:
        return pick(sizes, sizeof sizes / sizeof *sizes);
    case 2:
        return rnd() % 8; /* descriptors and small ints */
    case 3:
        return rnd();
    default:
        return a_pointer();
    }
}

/* Argument kinds of the gentle rounds: a path, a buffer, a size, an fd,
 * an int. */
enum { A_NONE, A_PATH, A_BUF, A_SIZE, A_FD, A_INT };

static const unsigned char signatures[SYS_NR_RANGE][5] = {
    [SYS_EXIT] = {A_INT},
    [SYS_FORK] = {A_PATH},
    [SYS_EXEC] = {A_PATH},
    [SYS_WAIT] = {A_INT},
    [SYS_CREATE] = {A_PATH, A_SIZE},
    [SYS_REMOVE] = {A_PATH},
    [SYS_OPEN] = {A_PATH},
    [SYS_FILESIZE] = {A_FD},
    [SYS_READ] = {A_FD, A_BUF, A_SIZE},
    [SYS_WRITE] = {A_FD, A_BUF, A_SIZE},
    [SYS_SEEK] = {A_FD, A_SIZE},
    [SYS_TELL] = {A_FD},
    [SYS_CLOSE] = {A_FD},
    [SYS_MMAP] = {A_BUF, A_SIZE, A_INT, A_FD, A_SIZE},
    [SYS_MUNMAP] = {A_BUF},
    [SYS_CHDIR] = {A_PATH},
    [SYS_MKDIR] = {A_PATH},
    [SYS_READDIR] = {A_FD, A_BUF},
    [SYS_ISDIR] = {A_FD},
    [SYS_INUMBER] = {A_FD},
    [SYS_SYMLINK] = {A_PATH, A_PATH},
    [SYS_DUP2] = {A_FD, A_FD},
};

/* a_typed_arg: a mostly valid argument of KIND (one in 16 is hostile). */
static uint64_t a_typed_arg(unsigned kind)
{
    if (kind == A_NONE || rnd() % 16 == 0)
        return an_arg();
    switch (kind) {
    case A_PATH:
        return a_string();
    case A_BUF:
        return (uint64_t)fz.buf + rnd() % PAGE_SIZE; /* at least a page follows */
    case A_SIZE:
        return rnd() % 4 ? rnd() % 600 : pick(sizes, sizeof sizes / sizeof *sizes);
    case A_FD:
        return rnd() % 8;
    default:
        return rnd() % 4;
    }
}

/* a_number: a system-call number, never 0 (halt). */
static uint64_t a_number(void)
{
    static const uint64_t odd[] = {23,           24,          64,          255,
                                   256,          0x100000000, 0x100000001, 0x8000000000000000,
                                   (uint64_t)-1, 0xffffffff};
    uint64_t nr = rnd() % 8 == 0 ? pick(odd, sizeof odd / sizeof *odd) : rnd() % SYS_NR_RANGE;
    return nr == SYS_HALT ? SYS_TELL : nr;
}

/* fuzz_round: the body of one child; never returns. In a hostile round
 * every argument is random; in a gentle one the arguments fit the call,
 * so the calls get further and build up state (files, descriptors). */
static __attribute__((noreturn)) void fuzz_round(bool hostile)
{
    memset((char *)(USER_STACK - STACK_TAIL), 'y', STACK_TAIL); /* no exec of argv[0] */
    syscall6(SYS_CLOSE, STDIN_FILENO, 0, 0, 0, 0, 0);
    syscall6(SYS_CLOSE, STDOUT_FILENO, 0, 0, 0, 0, 0);
    syscall6(SYS_OPEN, (uint64_t)FUZZ_FILE, 0, 0, 0, 0, 0);
    for (int i = 0; i < CALLS_PER_ROUND; i++) {
        uint64_t nr = a_number();
        uint64_t a[6];
        for (int j = 0; j < 6; j++) {
            unsigned kind = nr < SYS_NR_RANGE && j < 5 ? signatures[nr][j] : A_NONE;
            a[j] = hostile ? an_arg() : a_typed_arg(kind);
        }
        if (nr == SYS_FORK && rnd() % 2)
            a[0] = (uint64_t) "fz-kid";
        long r = syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (nr == SYS_FORK && r == 0)
            exit(0); /* a grandchild: done */
    }
    exit(0);
}

/* check_kernel_alive: files, fork, exec and wait still work. */
static void check_kernel_alive(void)
{
    static const char data[] = "still here";
    char back[sizeof data];
    CHECK(create("fz-final", 0), "create(\"fz-final\")");
    int fd = open("fz-final");
    CHECK(fd > 1, "open(\"fz-final\")");
    CHECK(write(fd, data, sizeof data) == (int)sizeof data, "write");
    seek(fd, 0);
    CHECK(read(fd, back, sizeof back) == (int)sizeof back && !memcmp(back, data, sizeof data),
          "read back");
    close(fd);
    CHECK(wait(spawn("child-simple")) == CHILD_SIMPLE_STATUS, "exec(\"child-simple\") works");
}

/* copy_program: copy executable FROM to a new file TO (the children may
 * write to, remove or run TO; FROM stays intact for the final check). */
static void copy_program(const char *from, const char *to)
{
    int in = open(from);
    if (in < 0)
        fail("open(\"%s\")", from);
    int size = filesize(in);
    if (!create(to, 0))
        fail("create(\"%s\")", to);
    int out = open(to);
    for (int done = 0; done < size;) {
        int n = read(in, fz.buf, sizeof fz.buf);
        if (n <= 0 || write(out, fz.buf, (unsigned)n) != n)
            fail("copy %s to %s", from, to);
        done += n;
    }
    close(in);
    close(out);
    msg("copied %s to %s", from, to);
}

void test_main(void)
{
    copy_program("child-simple", "fz-prog");
    memset(long_string, 'L', LONG_STRING_LEN);
    CHECK(create(FUZZ_FILE, 100), "create(\"%s\")", FUZZ_FILE);
    for (int round = 0; round < ROUNDS; round++) {
        pid_t pid = fork("fuzz");
        if (pid == 0) {
            fz.rng = SEED ^ ((uint64_t)(round + 1) * SEED_STEP);
            fuzz_round(round % HOSTILE_EVERY == 0);
        }
        if (pid == PID_ERROR)
            fail("fork failed in round %d", round);
        wait(pid);
    }
    msg("%d rounds survived", ROUNDS);
    check_kernel_alive();
}
