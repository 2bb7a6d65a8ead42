/* dup2-random: ROUNDS random dup2, close, open, read, seek and tell calls
 * on descriptors spread over [0, FD_LIMIT) and a few out of it, each result
 * checked against a model the program keeps: which open file each
 * descriptor names, and each open file's offset and references. Then every
 * descriptor is checked and closed. Descriptors 0 and 1 stay the console
 * (the test prints through 1); 1 may be duplicated, 0 is never touched (a
 * read of it would wait for input). A fixed PRNG seed makes the run, and
 * its summary line, the same every time. */
#include "lib.h"
#include "sample.h"

#define ROUNDS 1000
#define SEED 0x1CEC0FFEEull
#define READ_MAX 64
#define SEEK_PAST 16 /* seeks go up to this far past the end of the file */
#define NONE (-1)
#define CONSOLE 0 /* model object 0: the console output */
#define OBJECT_MAX (FD_FILES_MAX + 1)
#define PERCENT 100
#define PICK_HOT 80  /* percent of pick_fd's numbers from hot_fds */
#define PICK_ANY 15  /* percent of any number in range; the rest out of range */
#define PICK_USED 50 /* percent of pick_used_fd's numbers that are open */

/* Numbers most picks come from (collisions are frequent), around the
 * table's doubling points; and numbers out of range. */
static const int hot_fds[] = {2,   3,   4,   5,   6,   7,   8,   9,    15,   16,  17,
                              31,  32,  63,  64,  127, 128, 129, 130,  255,  256, 462,
                              511, 512, 513, 700, 767, 768, 900, 1000, 1022, 1023};
static const int bad_fds[] = {-1, 0x1CE - 0xC0FFEE, FD_LIMIT, FD_LIMIT + 1, -2147483647 - 1};
#define COUNT(a) ((int)(sizeof(a) / sizeof(a)[0]))

struct object {
    int refs;        /* descriptors naming it; 0: free */
    unsigned offset; /* files only */
};

static int names[FD_LIMIT]; /* the object each descriptor names, or NONE */
static struct object objects[OBJECT_MAX];
static int files; /* file objects in use */
static uint64_t seed = SEED;
static int round_no;

enum op { OP_DUP2, OP_CLOSE, OP_OPEN, OP_READ, OP_SEEK, OP_TELL, OP_COUNT };
static const int op_weights[OP_COUNT] = {30, 15, 20, 20, 7, 8}; /* percent */
static int op_calls[OP_COUNT], op_failed[OP_COUNT];

/* rnd: the next number of the PRNG (xorshift64), below N. */
static unsigned rnd(unsigned n)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (unsigned)(seed % n);
}

/* pick_fd: a descriptor to try: mostly a hot one, sometimes any number
 * from FD_FIRST_FILE on, sometimes one out of range. Never 0 or 1. */
static int pick_fd(void)
{
    unsigned r = rnd(PERCENT);
    if (r < PICK_HOT)
        return hot_fds[rnd(COUNT(hot_fds))];
    if (r < PICK_HOT + PICK_ANY)
        return FD_FIRST_FILE + (int)rnd(FD_LIMIT - FD_FIRST_FILE);
    return bad_fds[rnd(COUNT(bad_fds))];
}

/* pick_used_fd: half the time one of the open descriptors the model knows
 * (1 included), else pick_fd(). */
static int pick_used_fd(void)
{
    if (rnd(PERCENT) >= PICK_USED)
        return pick_fd();
    int used = 0;
    for (int fd = 1; fd < FD_LIMIT; fd++)
        used += names[fd] != NONE;
    int k = (int)rnd((unsigned)used);
    int fd = 1;
    while (names[fd] == NONE || k-- > 0)
        fd++;
    return fd;
}

/* object_of: the object FD names in the model, or NONE. */
static int object_of(int fd)
{
    return fd >= 0 && fd < FD_LIMIT ? names[fd] : NONE;
}

/* expect: fail unless GOT == WANT for this round's call WHAT(A, B). */
static void expect(long got, long want, const char *what, int a, int b)
{
    if (got != want)
        fail("round %d: %s(%d, %d) returned %ld instead of %ld", round_no, what, a, b, got, want);
}

/* unref: drop one descriptor's reference to object O. */
static void unref(int o)
{
    if (--objects[o].refs == 0 && o != CONSOLE)
        files--;
}

static void do_dup2(void)
{
    int oldfd = pick_used_fd(), newfd = pick_fd();
    int o = object_of(oldfd);
    bool ok = o != NONE && newfd >= 0 && newfd < FD_LIMIT;
    expect(dup2(oldfd, newfd), ok ? newfd : -1, "dup2", oldfd, newfd);
    op_failed[OP_DUP2] += !ok;
    if (!ok || oldfd == newfd)
        return;
    objects[o].refs++;
    if (names[newfd] != NONE)
        unref(names[newfd]);
    names[newfd] = o;
}

static void do_close(void)
{
    int fd = pick_fd(), o = object_of(fd);
    close(fd);
    expect(dup2(fd, fd), -1, "dup2 after close", fd, fd);
    op_failed[OP_CLOSE] += o == NONE;
    if (o != NONE) {
        unref(o);
        names[fd] = NONE;
    }
}

/* lowest_free: the descriptor open() must return, or -1. */
static int lowest_free(void)
{
    if (files == FD_FILES_MAX)
        return -1;
    for (int fd = FD_FIRST_FILE; fd < FD_LIMIT; fd++)
        if (names[fd] == NONE)
            return fd;
    return -1;
}

static void do_open(void)
{
    int want = lowest_free();
    expect(open("sample.txt"), want, "open", 0, 0);
    op_failed[OP_OPEN] += want < 0;
    if (want < 0)
        return;
    int o = 1;
    while (objects[o].refs > 0)
        o++;
    objects[o] = (struct object){.refs = 1, .offset = 0};
    names[want] = o;
    files++;
}

static void do_read(void)
{
    char buf[READ_MAX];
    int fd = pick_used_fd(), o = object_of(fd);
    unsigned size = rnd(READ_MAX + 1);
    int got = read(fd, buf, size);
    if (o == NONE || o == CONSOLE) {
        expect(got, -1, "read", fd, (int)size);
        op_failed[OP_READ]++;
        return;
    }
    unsigned ofs = objects[o].offset;
    unsigned left = ofs < SAMPLE_LEN ? SAMPLE_LEN - ofs : 0;
    expect(got, size < left ? size : left, "read", fd, (int)size);
    check_bytes(buf, sample + ofs, (size_t)got, "sample.txt");
    objects[o].offset += (unsigned)got;
}

static void do_seek(void)
{
    int fd = pick_used_fd(), o = object_of(fd);
    unsigned pos = rnd(SAMPLE_LEN + SEEK_PAST);
    seek(fd, pos);
    op_failed[OP_SEEK] += o == NONE || o == CONSOLE;
    if (o != NONE && o != CONSOLE)
        objects[o].offset = pos;
}

/* check_tell: fail unless tell(FD) is what the model says. */
static void check_tell(int fd)
{
    int o = object_of(fd);
    unsigned want = o == NONE || o == CONSOLE ? (unsigned)-1 : objects[o].offset;
    expect(tell(fd), want, "tell", fd, 0);
}

static void do_tell(void)
{
    int fd = pick_used_fd(), o = object_of(fd);
    check_tell(fd);
    op_failed[OP_TELL] += o == NONE || o == CONSOLE;
}

static void (*const op_fns[OP_COUNT])(void) = {do_dup2, do_close, do_open,
                                               do_read, do_seek,  do_tell};

/* pick_op: an operation, drawn with op_weights. */
static enum op pick_op(void)
{
    int r = (int)rnd(PERCENT);
    enum op op = 0;
    while (r >= op_weights[op])
        r -= op_weights[op++];
    return op;
}

/* check_all: every descriptor from FD_FIRST_FILE on is open exactly when
 * the model says so, at the model's offset; returns how many are open and
 * stores the highest in *TOP. */
static int check_all(int *top)
{
    int open_fds = 0;
    for (int fd = FD_FIRST_FILE; fd < FD_LIMIT; fd++) {
        expect(dup2(fd, fd), names[fd] == NONE ? -1 : fd, "dup2", fd, fd);
        check_tell(fd);
        if (names[fd] != NONE) {
            open_fds++;
            *top = fd;
        }
    }
    return open_fds;
}

void test_main(void)
{
    for (int fd = 0; fd < FD_LIMIT; fd++)
        names[fd] = NONE;
    names[STDOUT_FILENO] = CONSOLE;
    objects[CONSOLE].refs = 1;
    for (round_no = 0; round_no < ROUNDS; round_no++) {
        enum op op = pick_op();
        op_calls[op]++;
        op_fns[op]();
    }
    msg("%d operations as the model expects (of which failing): %d dup2 (%d), %d close (%d), "
        "%d open (%d), %d read (%d), %d seek (%d), %d tell (%d)",
        ROUNDS, op_calls[OP_DUP2], op_failed[OP_DUP2], op_calls[OP_CLOSE], op_failed[OP_CLOSE],
        op_calls[OP_OPEN], op_failed[OP_OPEN], op_calls[OP_READ], op_failed[OP_READ],
        op_calls[OP_SEEK], op_failed[OP_SEEK], op_calls[OP_TELL], op_failed[OP_TELL]);
    int top = STDOUT_FILENO;
    int open_fds = check_all(&top);
    msg("%d descriptors open besides 0 and 1, %d files, the highest %d: all as modelled", open_fds,
        files, top);
    for (int fd = FD_FIRST_FILE; fd < FD_LIMIT; fd++)
        close(fd);
    CHECK(open("sample.txt") == FD_FIRST_FILE, "all closed: open returns descriptor %d again",
          FD_FIRST_FILE);
}
