/* pcache-ra MODE ...: stress tests of the page cache and its read-ahead.
 *   par N SIZE PASSES  N children each read file rN (tools/mkpattern.py) of
 *                      SIZE bytes sequentially, alternately by read() and a
 *                      read-only mapping, PASSES times, checking the pattern
 *   recreate SIZE ROUNDS  a child reads "f" in a loop while the parent
 *                      removes it and creates it again with new contents;
 *                      after each round every reader must see the right ones
 *   exitmid N SIZE     N children read r0.. part way then exit (read-ahead
 *                      in flight); the parent waits and returns
 *   halt N SIZE        N children read forever; the parent halts
 *   mmapw SIZE ROUNDS  a child maps "w" and reads it sequentially over and
 *                      over while the parent rewrites it with write(); every
 *                      byte seen must be one of the two patterns
 *   holes              files with holes and tails past the end
 *   eio NAME           NAME, whose reads fail somewhere, read three times
 *                      and mapped by a child: errors, no panic, no leak
 *   execra N SIZE      N children read part of rK and exec echo meanwhile
 *   wbrace SIZE ROUNDS WHICH [LO HI]  a sparse file (data on even pages, holes on
 *                      odd ones, written through a mapping: nothing
 *                      cached) is read by a child with read() while the
 *                      parent writes pattern B through a writable mapping
 *                      over the odd pages (WHICH 1: holes filled), the even
 *                      ones (2: data overwritten) or all (3) and unmaps it
 *                      (write-through: file_write_pages); then every byte
 *                      read() gets must be B's where the parent wrote
 *                      (only pages LO to HI - 1, if given) */
#include "mapped.h"

#define CHUNK (3 * PAGE_SIZE + 100)
static char buf[CHUNK];
static char page[PAGE_SIZE];

/* read_check: read NAME (SIZE bytes, pattern SEED) with read() to its end. */
static void read_check(const char *name, size_t size, unsigned seed)
{
    int fd = open_or_fail(name);
    size_t done = 0;
    int n;
    while ((n = read(fd, buf, CHUNK)) > 0) {
        check_pattern(buf, done, (size_t)n, seed, name);
        done += (size_t)n;
    }
    if (done != size)
        fail("%s: read %zu bytes, not %zu", name, done, size);
    close(fd);
}

/* byte_want_fn: the byte OFF of the file being checked must hold. */
typedef unsigned char byte_want_fn(size_t off);

/* read_all_check: read FD from its start to its end with read(), every
 * byte checked against WANT and, if ALSO is not NULL, against ALSO too
 * (either will do); a wrong one fails, naming WHAT. The bytes read. */
static size_t read_all_check(int fd, byte_want_fn *want, byte_want_fn *also, const char *what)
{
    seek(fd, 0);
    size_t done = 0;
    int n;
    while ((n = read(fd, buf, CHUNK)) > 0) {
        for (int i = 0; i < n; i++) {
            size_t off = done + (size_t)i;
            unsigned char c = (unsigned char)buf[i];
            if (c != want(off) && (!also || c != also(off)))
                fail("%s: byte %zu (page %zu) is %02x, not %02x", what, off, off / PAGE_SIZE, c,
                     want(off));
        }
        done += (size_t)n;
    }
    return done;
}

/* map_check: map NAME (SIZE bytes, pattern SEED) at ADDR and check it. */
static void map_check(const char *name, size_t size, unsigned seed, char *addr)
{
    int fd = open_or_fail(name);
    if (filesize(fd) != (int)size)
        fail("%s: size %d, not %zu", name, filesize(fd), size);
    if (mmap(addr, size, 0, fd, 0) != addr)
        fail("mmap %s failed", name);
    check_pattern(addr, 0, size, seed, name);
    munmap(addr);
    close(fd);
}

/* wait_ok: wait for child PID; fail unless it exited 0. */
static void wait_ok(pid_t pid)
{
    int st = wait(pid);
    if (st != 0)
        fail("child %d exited %d", pid, st);
}

/* fork_or_fail: fork a child named TAG: its pid, 0 in the child. */
static pid_t fork_or_fail(const char *tag)
{
    pid_t pid = fork(tag);
    if (pid < 0)
        fail("fork");
    return pid;
}

/* pattern_name: "rK", the name of file K of tools/mkpattern.py (pattern
 * K), into NAME (FILE_NAME_LEN bytes). */
#define FILE_NAME_LEN 8
static void pattern_name(char *name, int k)
{
    snprintf(name, FILE_NAME_LEN, "r%d", k);
}

/* read_pass: read file K of tools/mkpattern.py (SIZE bytes) once, through
 * a mapping (BY_MAP) or with read(), checking every byte. */
static void read_pass(int k, size_t size, bool by_map)
{
    char name[FILE_NAME_LEN];
    pattern_name(name, k);
    if (by_map)
        map_check(name, size, (unsigned)k, MAP_ADDR);
    else
        read_check(name, size, (unsigned)k);
}

/* par N SIZE PASSES: see the file comment. */
static void mode_par(int n, size_t size, int passes)
{
    pid_t kids[16];
    for (int k = 0; k < n; k++) {
        pid_t pid = fork_or_fail("rd");
        if (pid == 0) {
            for (int p = 0; p < passes; p++)
                read_pass(k, size, (p + k) % 2);
            exit(0);
        }
        kids[k] = pid;
    }
    for (int k = 0; k < n; k++)
        wait_ok(kids[k]);
    msg("par: %d readers, %d passes each: all good", n, passes);
}

/* recreate SIZE ROUNDS: see the file comment. */
static void mode_recreate(size_t size, int rounds)
{
    make_file("f", size, 100);
    for (int r = 0; r < rounds; r++) {
        unsigned old = 100 + (unsigned)r, new = old + 1;
        pid_t pid = fork_or_fail("rc");
        if (pid == 0) {
            /* holds the old file open, reads it over and over */
            int fd = open_or_fail("f");
            int ino = inumber(fd);
            if (!create("ready", 0)) /* the parent removes f only after this */
                fail("create ready");
            for (int p = 0; p < 3; p++) {
                seek(fd, 0);
                size_t done = 0;
                int n;
                while ((n = read(fd, buf, CHUNK)) > 0) {
                    check_pattern(buf, done, (size_t)n, old, "old f (held open)");
                    done += (size_t)n;
                }
                if (done != size)
                    fail("old f: %zu bytes", done);
            }
            close(fd);
            (void)ino;
            exit(0);
        }
        /* the parent: remove and re-create with new contents meanwhile,
         * once the child has the old file open */
        int g;
        while ((g = open("ready")) < 2)
            ;
        close(g);
        remove("ready");
        if (!remove("f"))
            fail("remove f");
        make_file("f", size, new);
        read_check("f", size, new);
        wait_ok(pid);
        /* the old inode is freed now: make another file that may reuse it */
        if (!remove("f"))
            fail("remove f (2)");
        make_file("f", size, new);
        map_check("f", size, new, MAP_ADDR);
        read_check("f", size, new);
    }
    msg("recreate: %d rounds good", rounds);
}

/* read_part: read the first third of NAME (SIZE bytes): through a
 * read-only mapping at MAP_ADDR if MAPPED, else with read(). The file,
 * and the mapping, stay open (read-ahead windows in flight). */
static void read_part(const char *name, size_t size, bool mapped)
{
    int fd = open_or_fail(name);
    if (!mapped) {
        for (size_t i = 0; i < size / 3; i += CHUNK)
            read(fd, buf, CHUNK);
        return;
    }
    volatile char *a = MAP_ADDR;
    if (mmap((void *)a, size, 0, fd, 0) != a)
        fail("mmap");
    for (size_t i = 0; i < size / 3; i += PAGE_SIZE)
        (void)a[i]; /* a volatile read: the fault happens */
}

/* part_children: N children each read_part their file rK (odd K through
 * a mapping), then exit, or exec CMD if it is not NULL; wait for them. */
static void part_children(int n, size_t size, const char *cmd)
{
    pid_t kids[16];
    for (int k = 0; k < n; k++) {
        char name[FILE_NAME_LEN];
        pattern_name(name, k);
        pid_t pid = fork_or_fail(cmd ? "ex" : "em");
        if (pid == 0) {
            read_part(name, size, k % 2);
            if (cmd) {
                exec(cmd);
                fail("exec");
            }
            exit(0);
        }
        kids[k] = pid;
    }
    for (int k = 0; k < n; k++)
        wait_ok(kids[k]);
}

/* exitmid N SIZE: see the file comment. */
static void mode_exitmid(int n, size_t size)
{
    part_children(n, size, NULL);
    msg("exitmid: %d children exited part way", n);
}

/* halt N SIZE: see the file comment. */
static void mode_halt(int n, size_t size)
{
    for (int k = 0; k < n; k++) {
        if (fork_or_fail("hr") == 0) {
            for (;;)
                read_pass(k, size, k % 2);
        }
    }
    /* let them get going */
    read_check("r0", size, 0);
    msg("halting with %d readers running", n);
    halt();
}

/* mmapw SIZE ROUNDS: see the file comment. */
static void mode_mmapw(size_t size, int rounds)
{
    make_file("w", size, 1);
    pid_t pid = fork_or_fail("mr");
    if (pid == 0) {
        int fd = open_or_fail("w");
        char *a = MAP_ADDR;
        if (mmap(a, size, 0, fd, 0) != a)
            fail("mmap w");
        for (int p = 0; p < rounds * 2; p++) {
            for (size_t i = 0; i < size; i++) {
                unsigned char c = (unsigned char)a[i];
                bool ok = false;
                for (unsigned s = 1; s <= (unsigned)rounds + 1 && !ok; s++)
                    ok = c == pattern_byte(i, s);
                if (!ok)
                    fail("mapped w: byte %zu is %02x, no pattern's", i, c);
            }
        }
        munmap(a);
        close(fd);
        exit(0);
    }
    int fd = open_or_fail("w");
    for (int r = 0; r < rounds; r++) {
        unsigned s = 2 + (unsigned)r;
        seek(fd, 0);
        for (size_t done = 0; done < size; done += PAGE_SIZE) {
            size_t n = size - done < PAGE_SIZE ? size - done : PAGE_SIZE;
            for (size_t i = 0; i < n; i++)
                page[i] = (char)pattern_byte(done + i, s);
            if (write(fd, page, (unsigned)n) != (int)n)
                fail("write w");
        }
    }
    close(fd);
    wait_ok(pid);
    read_check("w", size, 1 + (unsigned)rounds);
    map_check("w", size, 1 + (unsigned)rounds, MAP_ADDR2);
    msg("mmapw: %d rewrites under a mapped reader", rounds);
}

/* h_want: byte OFF of the holes file h: 5000 bytes of pattern 7, zeros,
 * then a 'Z' at 300000. */
static unsigned char h_want(size_t off)
{
    return off < 5000 ? pattern_byte(off, 7) : off == 300000 ? 'Z' : 0;
}

/* holes: a file with a tail, extended past a hole over blocks that a
 * removed file of 0xff bytes (cached, then freed) left: the bytes between
 * read as zeros, by read() and through a mapping. */
static void mode_holes(void)
{
    /* fill the disk's free blocks with 0xff, then free them */
    memset(page, 0xff, PAGE_SIZE);
    if (!create("ff", 0))
        fail("create ff");
    int fd = open_or_fail("ff");
    for (int i = 0; i < 256; i++)
        if (write(fd, page, PAGE_SIZE) != PAGE_SIZE)
            fail("write ff");
    close(fd);
    /* read it so that it is cached, then remove it */
    fd = open_or_fail("ff");
    while (read(fd, buf, CHUNK) > 0)
        ;
    close(fd);
    if (!remove("ff"))
        fail("remove ff");
    /* h: 5000 bytes of pattern, read (page 1 cached with a tail), then a
     * byte at 300000: everything between must read as zero */
    make_file("h", 5000, 7);
    read_check("h", 5000, 7);
    fd = open_or_fail("h");
    seek(fd, 300000);
    if (write(fd, "Z", 1) != 1)
        fail("write Z");
    size_t done = read_all_check(fd, h_want, NULL, "h (read)");
    if (done != 300001)
        fail("h: %zu bytes", done);
    char *a = MAP_ADDR;
    if (mmap(a, 300001, 0, fd, 0) != a)
        fail("mmap h");
    for (size_t off = 0; off < 300001 + 0x1000 - (300001 % 0x1000); off++) {
        unsigned char want = h_want(off);
        if ((unsigned char)a[off] != want)
            fail("h: byte %zu is %02x, not %02x (mapped)", off, (unsigned char)a[off], want);
    }
    munmap(a);
    close(fd);
    msg("holes: good");
}

/* eio NAME: read NAME to its end or its first error, three times, then a
 * mapping of it in a child (which may be killed by a failed read). */
static void mode_eio(const char *name)
{
    for (int p = 0; p < 3; p++) {
        int fd = open_or_fail(name);
        size_t done = 0;
        int n;
        while ((n = read(fd, buf, CHUNK)) > 0)
            done += (size_t)n;
        msg("eio pass %d: %zu bytes, then %d", p, done, n);
        close(fd);
    }
    pid_t pid = fork_or_fail("eio-map");
    if (pid == 0) {
        int fd = open_or_fail(name);
        int size = filesize(fd);
        char *a = MAP_ADDR;
        if (mmap(a, (size_t)size, 0, fd, 0) != a)
            fail("mmap");
        volatile int sink = 0;
        for (int i = 0; i < size; i += PAGE_SIZE)
            sink += a[i];
        exit(sink == 1234567 ? 1 : 0);
    }
    msg("eio map child: %d", wait(pid));
}

/* execra N SIZE: N children each read a third of their file rK (windows
 * read ahead in flight) and exec "echo" meanwhile (the old address space
 * freed while the read-ahead thread may run on its table), then the
 * parent reads every file to check it. */
static void mode_execra(int n, size_t size)
{
    part_children(n, size, "echo execra");
    for (int k = 0; k < n; k++)
        read_pass(k, size, k % 2);
    msg("execra: %d children exec'd part way", n);
}

/* The wbrace round being run: its patterns, which pages its writer
 * writes (WHICH, and pages LO to HI - 1), and the file's size. */
static struct {
    unsigned a, b;
    int which;
    size_t lo, hi, size;
} wb = {.hi = (size_t)-1};

/* wb_writes: whether the wbrace writer writes page PG. */
static bool wb_writes(size_t pg)
{
    bool odd = pg % 2;
    return pg >= wb.lo && pg < wb.hi &&
           (wb.which == 3 || (wb.which == 1 && odd) || (wb.which == 2 && !odd));
}

/* wb_before: byte OFF of the wbrace file before the write-back (pattern A
 * on even pages, zeros on odd ones). */
static unsigned char wb_before(size_t off)
{
    return (off / PAGE_SIZE) % 2 ? 0 : pattern_byte(off, wb.a);
}

/* wb_after: byte OFF of the wbrace file after the write-back (pattern B
 * where the writer wrote). */
static unsigned char wb_after(size_t off)
{
    return wb_writes(off / PAGE_SIZE) ? pattern_byte(off, wb.b) : wb_before(off);
}

/* wb_fill: write, through a writable mapping of "s" at A, the byte of
 * WANT into every page PICK chooses. */
static void wb_fill(char *a, bool (*pick)(size_t pg), byte_want_fn *want)
{
    int fd = open_or_fail("s");
    if (mmap(a, wb.size, 1, fd, 0) != a)
        fail("mmap s");
    for (size_t off = 0; off < wb.size; off += PAGE_SIZE) {
        if (!pick(off / PAGE_SIZE))
            continue;
        for (size_t i = 0; i < PAGE_SIZE && off + i < wb.size; i++)
            a[off + i] = (char)want(off + i);
    }
    close(fd);
}

/* wb_even: whether page PG is one the wbrace file has data on. */
static bool wb_even(size_t pg)
{
    return pg % 2 == 0;
}

/* wb_writer: the writer child: dirties its mapping, waits for the
 * reader to start ("go"), then unmaps it (the write-back, page by page
 * or in runs). */
static void wb_writer(char *a)
{
    wb_fill(a, wb_writes, wb_after);
    int g;
    while ((g = open("go")) < 2)
        ;
    close(g);
    munmap(a);
    exit(0);
}

/* wb_reader: the reader child: says "go", then reads the file with
 * read(); each byte is either the one before or the one after. */
static void wb_reader(void)
{
    int fd = open_or_fail("s");
    if (!create("go", 0))
        fail("create go");
    size_t done = read_all_check(fd, wb_before, wb_after, "reader");
    if (done != wb.size)
        fail("reader: %zu bytes", done);
    exit(0);
}

/* wbrace SIZE ROUNDS WHICH: see the file comment. */
static void mode_wbrace(size_t size, int rounds, int which)
{
    char *a = MAP_ADDR;
    wb.size = size;
    wb.which = which;
    for (int r = 0; r < rounds; r++) {
        wb.a = 10 + 2 * (unsigned)r;
        wb.b = wb.a + 1;
        remove("s");
        if (!create("s", (unsigned)size))
            fail("create s");
        wb_fill(a, wb_even, wb_before); /* written back: nothing cached */
        munmap(a);
        remove("go");
        pid_t wpid = fork_or_fail("ww");
        if (wpid == 0)
            wb_writer(a);
        pid_t pid = fork_or_fail("wr");
        if (pid == 0)
            wb_reader();
        wait_ok(wpid);
        int fd = open_or_fail("s");
        wait_ok(pid);
        char what[32];
        snprintf(what, sizeof what, "round %d (after the write-back)", r);
        size_t done = read_all_check(fd, wb_after, NULL, what);
        if (done != size)
            fail("s: %zu bytes", done);
        close(fd);
    }
    msg("wbrace: %d rounds good", rounds);
}

/* main: run the mode argv[1] names with its arguments. */
int main(int argc, char *argv[])
{
    test_name = "pcache-ra";
    if (argc < 2)
        fail("usage");
    const char *m = argv[1];
    if (!strcmp(m, "par") && argc == 5)
        mode_par(atoi(argv[2]), (size_t)atoi(argv[3]), atoi(argv[4]));
    else if (!strcmp(m, "recreate") && argc == 4)
        mode_recreate((size_t)atoi(argv[2]), atoi(argv[3]));
    else if (!strcmp(m, "exitmid") && argc == 4)
        mode_exitmid(atoi(argv[2]), (size_t)atoi(argv[3]));
    else if (!strcmp(m, "halt") && argc == 4)
        mode_halt(atoi(argv[2]), (size_t)atoi(argv[3]));
    else if (!strcmp(m, "mmapw") && argc == 4)
        mode_mmapw((size_t)atoi(argv[2]), atoi(argv[3]));
    else if (!strcmp(m, "eio") && argc == 3)
        mode_eio(argv[2]);
    else if (!strcmp(m, "wbrace") && (argc == 5 || argc == 7)) {
        if (argc == 7) {
            wb.lo = (size_t)atoi(argv[5]);
            wb.hi = (size_t)atoi(argv[6]);
        }
        mode_wbrace((size_t)atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
    } else if (!strcmp(m, "execra") && argc == 4)
        mode_execra(atoi(argv[2]), (size_t)atoi(argv[3]));
    else if (!strcmp(m, "holes"))
        mode_holes();
    else
        fail("bad mode %s", m);
    return 0;
}
