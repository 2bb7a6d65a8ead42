/* Host test of fs/ (buffer cache, ext2, file interface) on a disk image.
 *
 *   fstest main   IMAGE START COUNT OUTDIR   the functional tests; writes
 *                                            what the files should hold to
 *                                            OUTDIR for run.sh to compare
 *   fstest verify IMAGE START COUNT OUTDIR   remount, reread what main wrote
 *   fstest full   IMAGE START COUNT OUTDIR   disk full, inode exhaustion
 *   fstest refuse IMAGE START COUNT ERR      mount must fail with ERR
 *
 * START and COUNT give the partition in 512-byte sectors. Every mode ends
 * with fs_shutdown and a heap leak check. Exit status 0 only if every check
 * passed. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fs/file.h"
#include "kernel/errors.h"
#include "mm/memlayout.h"
#include "tools/fshost/host.h"

static int failures;
static const char *outdir;

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                     \
        }                                                                   \
    } while (0)
#define CHECK_EQ(a, b)                                                                           \
    do {                                                                                         \
        long long a_ = (long long)(a), b_ = (long long)(b);                                      \
        if (a_ != b_) {                                                                          \
            fprintf(stderr, "FAIL %s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, \
                    #a, a_, #b, b_);                                                             \
            failures++;                                                                          \
        }                                                                                        \
    } while (0)

#define MIB (1024ul * 1024)

/* pattern: the deterministic byte at position POS of a file with SEED. */
static uint8_t pattern(uint32_t seed, uint64_t pos)
{
    uint64_t x = (pos + 1) * 0x9E3779B97F4A7C15ull ^ ((uint64_t)seed << 32);
    x ^= x >> 29;
    return (uint8_t)(x * 0xBF58476D1CE4E5B9ull >> 56);
}

static void fill_pattern(uint8_t *buf, size_t n, uint32_t seed, uint64_t pos)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = pattern(seed, pos + i);
}

/* expect_write: record bytes at POS of the expected host copy of NAME. */
static void expect_write(const char *name, const void *buf, size_t n, uint64_t pos)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", outdir, name);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0 || pwrite(fd, buf, n, (off_t)pos) != (ssize_t)n) {
        perror(path);
        exit(2);
    }
    close(fd);
}

/* expect_size: set the size of the expected host copy of NAME. */
static void expect_size(const char *name, uint64_t size)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", outdir, name);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0 || ftruncate(fd, (off_t)size) != 0) {
        perror(path);
        exit(2);
    }
    close(fd);
}

static struct file *open_ok(const char *path, struct inode *cwd)
{
    struct file *f = NULL;
    int err = file_open(path, cwd, &f);
    if (err < 0) {
        fprintf(stderr, "FAIL open %s: %s\n", path, err_name(err));
        failures++;
        return NULL;
    }
    return f;
}

static uint32_t free_blocks(void)
{
    struct ext2_fs_stats st;
    fs_get_stats(&st);
    return st.free_blocks;
}

static uint32_t free_inodes(void)
{
    struct ext2_fs_stats st;
    fs_get_stats(&st);
    return st.free_inodes;
}

static bool all_zero(const uint8_t *buf, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (buf[i])
            return false;
    return true;
}

/* ---- main mode ---- */

static void test_small(void)
{
    static const char msg[] = "hello, world\n";
    char buf[64];
    CHECK_EQ(fs_create("/hello", NULL, 0), 0);
    CHECK_EQ(fs_create("/hello", NULL, 0), ERR_EXISTS);
    struct file *f = open_ok("/hello", NULL);
    if (!f)
        return;
    CHECK_EQ(file_write(f, msg, strlen(msg)), (long)strlen(msg));
    CHECK_EQ(file_length(f), strlen(msg));
    file_seek(f, 0);
    CHECK_EQ(file_read(f, buf, sizeof(buf)), (long)strlen(msg));
    CHECK(memcmp(buf, msg, strlen(msg)) == 0);
    CHECK_EQ(file_read(f, buf, sizeof(buf)), 0);
    CHECK_EQ(file_write(f, buf, 0), 0);
    file_close(f);
    expect_write("hello", msg, strlen(msg), 0);
    struct file *g;
    CHECK_EQ(file_open("/nonexistent", NULL, &g), ERR_NOT_FOUND);
    CHECK_EQ(file_open("/hello/x", NULL, &g), ERR_NOT_DIR);
    CHECK_EQ(fs_create("/", NULL, 0), ERR_INVALID);
    char longname[300];
    memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    CHECK_EQ(fs_create(longname, NULL, 0), ERR_NAME_TOO_LONG);
}

static void test_initial_size(void)
{
    uint8_t *buf = malloc(8192);
    CHECK_EQ(fs_create("/zeros", NULL, 5000), 0);
    struct file *f = open_ok("/zeros", NULL);
    if (!f)
        goto out;
    CHECK_EQ(file_length(f), 5000);
    memset(buf, 1, 8192);
    CHECK_EQ(file_read(f, buf, 8192), 5000);
    CHECK(all_zero(buf, 5000));
    CHECK_EQ(file_write_at(f, "XY", 2, 4096), 2);
    CHECK_EQ(file_tell(f), 5000);
    CHECK_EQ(file_length(f), 5000);
    /* a VM page past the first: 904 bytes of file, the rest zero */
    memset(buf, 1, PAGE_SIZE);
    CHECK_EQ(file_read_page(f, PAGE_SIZE, buf), 5000 - PAGE_SIZE);
    CHECK(buf[0] == 'X' && buf[1] == 'Y' && all_zero(buf + 2, PAGE_SIZE - 2));
    file_close(f);
    expect_size("zeros", 5000);
    expect_write("zeros", "XY", 2, 4096);
out:
    free(buf);
}

/* test_preexisting: read a file mke2fs -d put there; run.sh compares. */
static void test_preexisting(void)
{
    struct file *f = open_ok("/readme.txt", NULL);
    if (!f)
        return;
    uint64_t len = file_length(f);
    uint8_t *buf = malloc(len + 1);
    CHECK_EQ(file_read(f, buf, len + 1), (long)len);
    expect_write("readme.txt.read", buf, len, 0);
    free(buf);
    file_close(f);
}

/* test_big: a file of more than 8 MiB written in odd-sized chunks: with
 * 1 KiB blocks it reaches the double-indirect blocks. */
static void test_big(void)
{
    const size_t total = 9 * MIB + 12345, chunk = 7001;
    uint8_t *buf = malloc(chunk), *back = malloc(chunk);
    CHECK_EQ(fs_create("/big", NULL, 0), 0);
    struct file *f = open_ok("/big", NULL);
    if (!f)
        goto out;
    for (size_t pos = 0; pos < total; pos += chunk) {
        size_t n = total - pos < chunk ? total - pos : chunk;
        fill_pattern(buf, n, 1, pos);
        CHECK_EQ(file_write(f, buf, n), (long)n);
        expect_write("big", buf, n, pos);
    }
    CHECK_EQ(file_length(f), total);
    for (size_t pos = 0; pos < total; pos += 3 * chunk + 17) {
        size_t n = total - pos < chunk ? total - pos : chunk;
        fill_pattern(buf, n, 1, pos);
        CHECK_EQ(file_read_at(f, back, chunk, pos), (long)n);
        CHECK(memcmp(buf, back, n) == 0);
    }
    file_close(f);
out:
    free(buf);
    free(back);
}

/* test_sparse: holes read as zeros; a byte at 100 MiB needs the
 * triple-indirect block with 1 KiB blocks. */
static void test_sparse(void)
{
    const uint64_t far = 100 * MIB + 5, mid = 70 * MIB;
    uint8_t *buf = malloc(65536);
    uint32_t before = free_blocks();
    CHECK_EQ(fs_create("/sparse", NULL, 0), 0);
    struct file *f = open_ok("/sparse", NULL);
    if (!f)
        goto out;
    CHECK_EQ(file_write_at(f, "tail", 4, far), 4);
    CHECK_EQ(file_write_at(f, "middle", 6, mid), 6);
    CHECK_EQ(file_length(f), far + 4);
    CHECK_EQ(file_write_at(f, "x", 1, 1ull << 42), ERR_NO_SPACE); /* past the block map */
    CHECK_EQ(file_length(f), far + 4);
    CHECK(before - free_blocks() < 16); /* only data + indirect blocks */
    memset(buf, 1, 65536);
    CHECK_EQ(file_read_at(f, buf, 65536, 50 * MIB), 65536);
    CHECK(all_zero(buf, 65536));
    CHECK_EQ(file_read_at(f, buf, 65536, far - 65536 + 4), 65536);
    CHECK(all_zero(buf, 65532) && memcmp(buf + 65532, "tail", 4) == 0);
    CHECK_EQ(file_read_at(f, buf, 10, mid - 2), 10);
    CHECK(buf[0] == 0 && buf[1] == 0 && memcmp(buf + 2, "middle", 6) == 0 && buf[8] == 0);
    file_close(f);
    expect_size("sparse", far + 4);
    expect_write("sparse", "tail", 4, far);
    expect_write("sparse", "middle", 6, mid);
out:
    free(buf);
}

/* test_remove_open: an open file stays readable after remove; its space
 * comes back at the last close. */
static void test_remove_open(void)
{
    const size_t n = 50000;
    uint8_t *buf = malloc(n), *back = malloc(n);
    uint32_t blocks = free_blocks(), inodes = free_inodes();
    fill_pattern(buf, n, 7, 0);
    CHECK_EQ(fs_create("/tmpf", NULL, 0), 0);
    struct file *f = open_ok("/tmpf", NULL), *g = NULL;
    if (!f)
        goto out;
    CHECK_EQ(file_write(f, buf, n), (long)n);
    CHECK_EQ(file_reopen(f, &g), 0);
    CHECK_EQ(fs_remove("/tmpf", NULL), 0);
    CHECK_EQ(fs_remove("/tmpf", NULL), ERR_NOT_FOUND);
    struct file *h;
    CHECK_EQ(file_open("/tmpf", NULL, &h), ERR_NOT_FOUND);
    CHECK(free_blocks() < blocks);
    file_close(f);
    CHECK_EQ(file_read_at(g, back, n, 0), (long)n);
    CHECK(memcmp(buf, back, n) == 0);
    CHECK(free_blocks() < blocks);
    file_close(g);
    CHECK_EQ(free_blocks(), blocks);
    CHECK_EQ(free_inodes(), inodes);
out:
    free(buf);
    free(back);
}

/* count_entries: entries of directory PATH (without . and ..); sets
 * *FOUND if NAME is among them. */
static int count_entries(const char *path, const char *name, bool *found)
{
    struct file *d = open_ok(path, NULL);
    char entry[FS_NAME_MAX + 1];
    int n = 0, r;
    *found = false;
    if (!d)
        return -1;
    CHECK(file_is_dir(d));
    while ((r = fs_readdir(d, entry)) > 0) {
        n++;
        if (name && strcmp(entry, name) == 0)
            *found = true;
    }
    CHECK_EQ(r, 0);
    file_close(d);
    return n;
}

static void test_dirs_basic(void)
{
    bool found;
    CHECK_EQ(fs_mkdir("/a", NULL), 0);
    CHECK_EQ(fs_mkdir("/a", NULL), ERR_EXISTS);
    CHECK_EQ(fs_mkdir("/a/b", NULL), 0);
    CHECK_EQ(fs_mkdir("/nope/b", NULL), ERR_NOT_FOUND);
    CHECK_EQ(fs_create("/a/b/c", NULL, 0), 0);
    struct inode *cwd;
    CHECK_EQ(fs_lookup("/a", NULL, &cwd), 0);
    struct file *f = open_ok("b/c", cwd);
    if (f) {
        CHECK_EQ(file_write(f, "nested\n", 7), 7);
        file_close(f);
        expect_write("a_b_c", "nested\n", 7, 0);
    }
    file_close(open_ok("../a/b//c", cwd));
    file_close(open_ok("b/../b/./c", cwd));
    file_close(open_ok("/a/b/c/", NULL));
    CHECK_EQ(fs_create("d", cwd, 3), 0);
    CHECK_EQ(count_entries("/a", "d", &found), 2);
    CHECK(found);
    CHECK_EQ(count_entries("/a/b", "c", &found), 1);
    CHECK(found);
    CHECK_EQ(fs_remove("/a", NULL), ERR_NOT_EMPTY);
    CHECK_EQ(fs_remove("d", cwd), 0);
    CHECK_EQ(fs_remove(".", cwd), ERR_INVALID);
    inode_close(cwd);
    CHECK(count_entries("/", "a", &found) >= 4);
    CHECK(found);
    struct file *d = open_ok("/a", NULL);
    if (d) {
        char buf[4];
        CHECK_EQ(file_read(d, buf, 4), ERR_IS_DIR);
        CHECK_EQ(file_write(d, buf, 4), ERR_IS_DIR);
        file_close(d);
    }
}

static void test_dirs_rm(void)
{
    uint32_t blocks = free_blocks(), inodes = free_inodes();
    CHECK_EQ(fs_mkdir("/gone", NULL), 0);
    CHECK_EQ(fs_mkdir("/gone/sub", NULL), 0);
    CHECK_EQ(fs_remove("/gone", NULL), ERR_NOT_EMPTY);
    CHECK_EQ(fs_remove("/gone/sub", NULL), 0);
    struct inode *cwd;
    CHECK_EQ(fs_lookup("/gone", NULL, &cwd), 0);
    CHECK_EQ(fs_remove("/gone", NULL), 0);
    CHECK_EQ(fs_create("x", cwd, 0), ERR_NOT_FOUND);
    struct file *f;
    CHECK_EQ(file_open("..", cwd, &f), ERR_NOT_FOUND);
    inode_close(cwd);
    CHECK_EQ(free_blocks(), blocks);
    CHECK_EQ(free_inodes(), inodes);
}

/* test_dir_many: a directory spanning several blocks, then half removed. */
static void test_dir_many(void)
{
    const int n = 120;
    char path[300];
    bool found;
    CHECK_EQ(fs_mkdir("/many", NULL), 0);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "/many/a-rather-long-file-name-number-%03d", i);
        CHECK_EQ(fs_create(path, NULL, (uint64_t)i), 0);
    }
    CHECK_EQ(count_entries("/many", NULL, &found), n);
    for (int i = 0; i < n; i += 2) {
        snprintf(path, sizeof(path), "/many/a-rather-long-file-name-number-%03d", i);
        CHECK_EQ(fs_remove(path, NULL), 0);
    }
    CHECK_EQ(count_entries("/many", "a-rather-long-file-name-number-001", &found), n / 2);
    CHECK(found);
    CHECK_EQ(count_entries("/many", "a-rather-long-file-name-number-000", &found), n / 2);
    CHECK(!found);
    CHECK_EQ(fs_create("/many/short", NULL, 0), 0);
}

static void test_deny_write(void)
{
    struct file *a = open_ok("/hello", NULL), *b = open_ok("/hello", NULL), *c = NULL;
    if (!a || !b)
        return;
    file_deny_write(a);
    file_deny_write(a);
    CHECK_EQ(file_write_at(b, "J", 1, 0), 0);
    CHECK_EQ(file_dup(a, &c), 0);
    file_allow_write(a);
    CHECK_EQ(file_write_at(b, "J", 1, 0), 0); /* c still denies */
    file_close(c);
    CHECK_EQ(file_write_at(b, "h", 1, 0), 1);
    file_close(a);
    file_close(b);
}

static void test_pages(void)
{
    uint8_t *page = malloc(PAGE_SIZE), *back = malloc(PAGE_SIZE);
    CHECK_EQ(fs_create("/pagef", NULL, 0), 0);
    struct file *f = open_ok("/pagef", NULL);
    if (!f)
        goto out;
    fill_pattern(page, PAGE_SIZE, 3, 0);
    CHECK_EQ(file_write_page(f, 0, page, PAGE_SIZE), PAGE_SIZE);
    expect_write("pagef", page, PAGE_SIZE, 0);
    CHECK_EQ(file_write_page(f, 2 * PAGE_SIZE, page, 100), 100);
    expect_write("pagef", page, 100, 2 * PAGE_SIZE);
    CHECK_EQ(file_read_page(f, PAGE_SIZE, back), PAGE_SIZE);
    CHECK(all_zero(back, PAGE_SIZE));
    CHECK_EQ(file_read_page(f, 2 * PAGE_SIZE, back), 100);
    CHECK(memcmp(back, page, 100) == 0 && all_zero(back + 100, PAGE_SIZE - 100));
    CHECK_EQ(file_read_page(f, 3 * PAGE_SIZE, back), 0);
    file_close(f);
out:
    free(page);
    free(back);
}

#define NTHREADS     4
#define THREAD_BYTES (300 * 1024)

/* thread_main: write and reread a file of its own, concurrently. */
static void *thread_main(void *arg)
{
    int id = (int)(long)arg;
    char path[32];
    uint8_t buf[1500], back[1500];
    snprintf(path, sizeof(path), "/t%d", id);
    CHECK_EQ(fs_create(path, NULL, 0), 0);
    struct file *f = open_ok(path, NULL);
    if (!f)
        return NULL;
    for (size_t pos = 0; pos < THREAD_BYTES; pos += sizeof(buf)) {
        fill_pattern(buf, sizeof(buf), 100 + (uint32_t)id, pos);
        CHECK_EQ(file_write(f, buf, sizeof(buf)), (long)sizeof(buf));
        CHECK_EQ(file_read_at(f, back, sizeof(back), pos), (long)sizeof(back));
        CHECK(memcmp(buf, back, sizeof(buf)) == 0);
    }
    file_close(f);
    return NULL;
}

static void test_threads(void)
{
    pthread_t t[NTHREADS];
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, thread_main, (void *)i);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    uint8_t buf[1500];
    for (int id = 0; id < NTHREADS; id++) {
        char name[32];
        snprintf(name, sizeof(name), "t%d", id);
        for (size_t pos = 0; pos < THREAD_BYTES; pos += sizeof(buf)) {
            fill_pattern(buf, sizeof(buf), 100 + (uint32_t)id, pos);
            expect_write(name, buf, sizeof(buf), pos);
        }
    }
}

static void print_stats(const char *when)
{
    struct ext2_fs_stats st;
    fs_get_stats(&st);
    printf("%s: block %u, free blocks %u/%u, free inodes %u/%u; cache hits %llu misses %llu "
           "reads %llu (ahead %llu) writes %llu\n",
           when, st.block_size, st.free_blocks, st.blocks_count, st.free_inodes, st.inodes_count,
           (unsigned long long)st.cache.hits, (unsigned long long)st.cache.misses,
           (unsigned long long)st.cache.reads, (unsigned long long)st.cache.readaheads,
           (unsigned long long)st.cache.writes);
}

static void run_main(void)
{
    test_small();
    test_initial_size();
    test_preexisting();
    test_big();
    test_sparse();
    test_remove_open();
    test_dirs_basic();
    test_dirs_rm();
    test_dir_many();
    test_deny_write();
    test_pages();
    test_threads();
    CHECK_EQ(fs_sync(), 0);
    print_stats("main");
}

/* ---- verify mode: reread after a remount ---- */

static void run_verify(void)
{
    const size_t total = 9 * MIB + 12345, chunk = 65536;
    uint8_t *buf = malloc(chunk), *back = malloc(chunk);
    struct file *f = open_ok("/big", NULL);
    if (f) {
        CHECK_EQ(file_length(f), total);
        for (size_t pos = 0; pos < total; pos += chunk) {
            size_t n = total - pos < chunk ? total - pos : chunk;
            fill_pattern(buf, n, 1, pos);
            CHECK_EQ(file_read(f, back, chunk), (long)n);
            CHECK(memcmp(buf, back, n) == 0);
        }
        file_close(f);
    }
    bool found;
    CHECK_EQ(count_entries("/many", "short", &found), 61);
    CHECK(found);
    free(buf);
    free(back);
    print_stats("verify");
}

/* ---- full mode: disk full and inode exhaustion ---- */

/* fill_disk: write /fill until the disk is full; checks the short write
 * and the clean failure after it. Returns the bytes written. */
static uint64_t fill_disk(struct file *f)
{
    const size_t chunk = 64 * 1024 + 3;
    uint8_t *buf = malloc(chunk);
    uint64_t total = 0;
    long n;
    for (;;) {
        fill_pattern(buf, chunk, 9, total);
        n = file_write(f, buf, chunk);
        if (n <= 0)
            break;
        expect_write("fill", buf, (size_t)n, total);
        total += (uint64_t)n;
        if ((size_t)n < chunk)
            break;
    }
    /* a short write (or a failure right at a chunk boundary), then failures */
    CHECK(n == ERR_NO_SPACE || (n >= 0 && (size_t)n < chunk));
    CHECK_EQ(file_write(f, buf, chunk), ERR_NO_SPACE);
    CHECK_EQ(file_length(f), total);
    free(buf);
    return total;
}

static void test_disk_full(void)
{
    uint32_t blocks = free_blocks(), inodes = free_inodes();
    CHECK_EQ(fs_create("/keep", NULL, 0), 0);
    struct file *k = open_ok("/keep", NULL);
    CHECK_EQ(file_write(k, "keep me\n", 8), 8);
    file_close(k);
    expect_write("keep", "keep me\n", 8, 0);
    CHECK_EQ(fs_create("/fill", NULL, 0), 0);
    struct file *f = open_ok("/fill", NULL);
    uint64_t total = fill_disk(f);
    printf("full: wrote %llu bytes\n", (unsigned long long)total);
    CHECK_EQ(free_blocks(), 0);
    CHECK_EQ(fs_mkdir("/nodir", NULL), ERR_NO_SPACE);
    CHECK_EQ(free_inodes(), inodes - 2);
    char msg[8];
    struct file *k2 = open_ok("/keep", NULL);
    CHECK_EQ(file_read(k2, msg, 8), 8);
    CHECK(memcmp(msg, "keep me\n", 8) == 0);
    file_close(k2);
    /* fill it once more with the file kept, for e2fsck to see it full */
    file_close(f);
    CHECK_EQ(fs_sync(), 0);
    CHECK(blocks > 0);
}

static void test_inodes_exhausted(void)
{
    char path[64];
    uint32_t inodes = free_inodes(), blocks = free_blocks();
    int n = 0, err;
    CHECK_EQ(fs_mkdir("/inodes", NULL), 0);
    for (;;) {
        snprintf(path, sizeof(path), "/inodes/f%d", n);
        if ((err = fs_create(path, NULL, 1)) < 0)
            break;
        n++;
    }
    CHECK_EQ(err, ERR_NO_SPACE);
    CHECK_EQ(free_inodes(), 0);
    CHECK_EQ((uint32_t)n, inodes - 1);
    printf("inodes: created %d files\n", n);
    for (int i = 0; i < n; i += 3) {
        snprintf(path, sizeof(path), "/inodes/f%d", i);
        CHECK_EQ(fs_remove(path, NULL), 0);
    }
    CHECK_EQ(fs_create("/inodes/again", NULL, 0), 0);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "/inodes/f%d", i);
        CHECK_EQ(fs_remove(path, NULL), i % 3 == 0 ? ERR_NOT_FOUND : 0);
    }
    CHECK_EQ(fs_remove("/inodes/again", NULL), 0);
    CHECK_EQ(fs_remove("/inodes", NULL), 0);
    CHECK_EQ(free_inodes(), inodes);
    CHECK_EQ(free_blocks(), blocks);
}

static void run_full(void)
{
    test_inodes_exhausted();
    test_disk_full();
    print_stats("full");
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: fstest MODE IMAGE START COUNT OUTDIR|ERR\n");
        return 2;
    }
    const char *mode = argv[1];
    struct block_device *dev =
        host_disk_open(argv[2], strtoull(argv[3], NULL, 0), strtoull(argv[4], NULL, 0));
    outdir = argv[5];
    int err = fs_init(dev);
    if (strcmp(mode, "refuse") == 0) {
        CHECK_EQ(err, atoi(argv[5]));
        if (err == 0)
            fs_shutdown();
    } else if (err < 0) {
        fprintf(stderr, "FAIL fs_init: %s\n", err_name(err));
        host_disk_close(dev);
        return 1;
    } else {
        if (strcmp(mode, "main") == 0)
            run_main();
        else if (strcmp(mode, "verify") == 0)
            run_verify();
        else if (strcmp(mode, "full") == 0)
            run_full();
        else
            CHECK(!"unknown mode");
        CHECK_EQ(fs_shutdown(), 0);
    }
    CHECK_EQ(host_heap_in_use(), 0);
    host_disk_close(dev);
    printf("%s: %s\n", mode, failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
