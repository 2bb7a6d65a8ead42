/* Deterministic mutation fuzzer for fs/ on the host (ASan/UBSan build).
 *
 *   fuzz IMAGE ITERATIONS SEED [FIRST]
 *
 * IMAGE is a valid ext2 file system (no partition table) made by mke2fs -d.
 * The fuzzer parses it once to find its metadata: superblock, group
 * descriptors, bitmaps, the inode-table blocks holding used inodes, the
 * directory blocks and the indirect blocks. Iteration I (from FIRST,
 * default 0; iteration 0 is the unmutated image) copies the image, applies
 * 1-4 mutations to metadata chosen by a PRNG seeded from (SEED, I), and
 * runs a fixed workload in a forked child under alarm(): mount, walk the
 * whole tree (bounded), read every file, create/write/read/remove a file,
 * mkdir/rmdir, remove some existing files, sync, unmount. Any operation may
 * fail; the child fails only on a crash (sanitizer abort), a hang (the
 * alarm), a kmalloc leak after unmount (failed mounts included), a file
 * that does not read back what was just written, or file data written over
 * a metadata block of the original layout (checked when the mutations left
 * the superblock and descriptors alone).
 *
 * Prints one line per failing iteration (with the command that repeats
 * it) and a summary; exits 0 only if every iteration survived. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fs/ext2_format.h"
#include "fs/file.h"
#include "kernel/errors.h"
#include "tools/fshost/host.h"

#define ITER_SECONDS  10           /* alarm per iteration: a hang detector */
#define MAX_DEPTH     8            /* walk: directory depth */
#define MAX_ENTRIES   600          /* walk: names visited in all */
#define MAX_READ      (256 * 1024) /* bytes read per file */
#define MAX_REMOVE    6            /* existing files removed per iteration */
#define MAX_MUTATIONS 4
#define MAX_REGIONS   4096
#define PATH_MAX_LEN  1024
#define MARKER        "<fz-data-marker>"
#define MARKER_LEN    16
#define EXIT_BAD      3  /* child: a check failed (not a crash) */
#define EXIT_REFUSED  10 /* child: survived, the mount was refused */

enum kind { K_SUPER, K_GDT, K_BBITMAP, K_IBITMAP, K_ITABLE, K_DIR, K_IND, K_KINDS };
static const char *const kind_names[K_KINDS] = {"super",  "gdt", "bbitmap", "ibitmap",
                                                "itable", "dir", "indirect"};
static const int kind_weight[K_KINDS] = {1, 2, 2, 2, 7, 6, 3};

struct region {
    uint32_t block;
    enum kind kind;
};

static uint8_t *pristine; /* the original image */
static size_t image_size;
static uint32_t bs, nblocks, ninodes, ipg, bpg, ngroups, isize, first_data;
static struct region regions[MAX_REGIONS];
static size_t nregions;
static size_t kind_count[K_KINDS];
static uint8_t *fixed_meta; /* per block: 1 = superblock/descriptor/bitmap/inode table */

/* ---- PRNG (splitmix64) ---- */

static uint64_t rng;

static uint64_t next_rand(void)
{
    uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint32_t rand_below(uint32_t n)
{
    return n ? (uint32_t)(next_rand() % n) : 0;
}

/* ---- parsing the pristine image ---- */

static uint8_t *block_ptr(uint8_t *img, uint32_t block)
{
    return img + (size_t)block * bs;
}

static void add_region(uint32_t block, enum kind kind)
{
    if ((block == 0 && kind != K_SUPER) || block >= nblocks || nregions == MAX_REGIONS)
        return;
    regions[nregions++] = (struct region){block, kind};
    kind_count[kind]++;
}

static const struct ext2_group_desc *gdesc(uint32_t g)
{
    return (const struct ext2_group_desc *)(block_ptr(pristine, first_data + 1) +
                                            (size_t)g * EXT2_GROUP_DESC_SIZE);
}

static struct ext2_inode *inode_ptr(uint8_t *img, uint32_t ino)
{
    uint32_t g = (ino - 1) / ipg, idx = (ino - 1) % ipg;
    return (struct ext2_inode *)(block_ptr(img, gdesc(g)->bg_inode_table) + (size_t)idx * isize);
}

static bool inode_used(uint32_t ino)
{
    uint32_t g = (ino - 1) / ipg, idx = (ino - 1) % ipg;
    return block_ptr(pristine, gdesc(g)->bg_inode_bitmap)[idx / 8] & (1u << (idx % 8));
}

/* add_tree: the blocks under pointer BLK of LEVEL (0 = data) as regions. */
static void add_tree(uint32_t blk, int level, bool dir)
{
    if (blk == 0 || blk >= nblocks)
        return;
    if (level == 0) {
        if (dir)
            add_region(blk, K_DIR);
        return;
    }
    add_region(blk, K_IND);
    const uint32_t *t = (const uint32_t *)block_ptr(pristine, blk);
    for (uint32_t i = 0; i < bs / 4; i++)
        add_tree(t[i], level - 1, dir);
}

static void parse_image(void)
{
    const struct ext2_super_block *sb =
        (const struct ext2_super_block *)(pristine + EXT2_SUPERBLOCK_OFFSET);
    if (sb->s_magic != EXT2_SUPER_MAGIC) {
        fprintf(stderr, "fuzz: not an ext2 image\n");
        exit(2);
    }
    bs = 1024u << sb->s_log_block_size;
    nblocks = sb->s_blocks_count;
    ninodes = sb->s_inodes_count;
    ipg = sb->s_inodes_per_group;
    bpg = sb->s_blocks_per_group;
    first_data = sb->s_first_data_block;
    ngroups = (nblocks - first_data + bpg - 1) / bpg;
    isize = sb->s_rev_level ? sb->s_inode_size : EXT2_GOOD_OLD_INODE_SIZE;
    fixed_meta = calloc(nblocks, 1);
    uint32_t gd_blocks = (ngroups * EXT2_GROUP_DESC_SIZE + bs - 1) / bs;
    uint32_t itb = (ipg * isize + bs - 1) / bs;
    add_region(EXT2_SUPERBLOCK_OFFSET / bs, K_SUPER);
    fixed_meta[EXT2_SUPERBLOCK_OFFSET / bs] = 1;
    for (uint32_t i = 0; i < gd_blocks; i++) {
        add_region(first_data + 1 + i, K_GDT);
        fixed_meta[first_data + 1 + i] = 1;
    }
    for (uint32_t g = 0; g < ngroups; g++) {
        const struct ext2_group_desc *d = gdesc(g);
        add_region(d->bg_block_bitmap, K_BBITMAP);
        add_region(d->bg_inode_bitmap, K_IBITMAP);
        fixed_meta[d->bg_block_bitmap] = fixed_meta[d->bg_inode_bitmap] = 1;
        for (uint32_t i = 0; i < itb; i++)
            fixed_meta[d->bg_inode_table + i] = 1;
    }
    uint32_t last_itable_block = UINT32_MAX;
    for (uint32_t ino = 1; ino <= ninodes; ino++) {
        if (!inode_used(ino))
            continue;
        uint32_t g = (ino - 1) / ipg;
        uint32_t blk = gdesc(g)->bg_inode_table + (ino - 1) % ipg * isize / bs;
        if (blk != last_itable_block)
            add_region(blk, K_ITABLE);
        last_itable_block = blk;
        const struct ext2_inode *di = inode_ptr(pristine, ino);
        uint16_t type = di->i_mode & EXT2_S_IFMT;
        if (type != EXT2_S_IFDIR && type != EXT2_S_IFREG)
            continue;
        bool dir = type == EXT2_S_IFDIR;
        for (int i = 0; i < EXT2_N_BLOCKS; i++)
            add_tree(di->i_block[i], i < EXT2_NDIR_BLOCKS ? 0 : i - EXT2_NDIR_BLOCKS + 1, dir);
    }
}

/* ---- mutations ---- */

static struct region *pick_region(void)
{
    int total = 0;
    for (int k = 0; k < K_KINDS; k++)
        total += kind_count[k] ? kind_weight[k] : 0;
    int r = (int)rand_below((uint32_t)total);
    enum kind kind = K_SUPER;
    for (int k = 0; k < K_KINDS; k++) {
        if (!kind_count[k])
            continue;
        if (r < kind_weight[k]) {
            kind = (enum kind)k;
            break;
        }
        r -= kind_weight[k];
    }
    uint32_t nth = rand_below((uint32_t)kind_count[kind]);
    for (size_t i = 0; i < nregions; i++)
        if (regions[i].kind == kind && nth-- == 0)
            return &regions[i];
    return &regions[0];
}

static uint32_t interesting32(void)
{
    switch (rand_below(12)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return UINT32_MAX;
    case 3: return 0x80000000u;
    case 4: return nblocks;
    case 5: return nblocks - 1;
    case 6: return regions[rand_below((uint32_t)nregions)].block; /* into metadata */
    case 7: return rand_below(ninodes + 3);
    case 8: return EXT2_ROOT_INO;
    case 9: return bs * rand_below(5);
    case 10: return rand_below(nblocks);
    default: return (uint32_t)next_rand();
    }
}

static uint16_t interesting16(void)
{
    static const uint16_t v[] = {
        0,      1,   4, 8, 12, 0xFFFF, 0x8000, EXT2_MODE_DIR_DEFAULT, EXT2_MODE_FILE_DEFAULT,
        0xA1FF, 255, 2};
    uint32_t i = rand_below(sizeof(v) / sizeof(v[0]) + 3);
    if (i < sizeof(v) / sizeof(v[0]))
        return v[i];
    if (i == sizeof(v) / sizeof(v[0]))
        return (uint16_t)bs;
    if (i == sizeof(v) / sizeof(v[0]) + 1)
        return (uint16_t)(bs - 4 * rand_below(4));
    return (uint16_t)next_rand();
}

static char mutation_log[1024]; /* what the current iteration changed */

static void log_mutation(const struct region *r, uint32_t off, const char *what, uint32_t value)
{
    size_t used = strlen(mutation_log);
    snprintf(mutation_log + used, sizeof(mutation_log) - used, " [%s block %u +%u: %s 0x%x]",
             kind_names[r->kind], r->block, off, what, value);
}

/* mutate: one random change to a metadata block of IMG; returns its kind. */
static enum kind mutate(uint8_t *img)
{
    struct region *r = pick_region();
    uint8_t *p = block_ptr(img, r->block);
    uint32_t span = bs, base = 0;
    if (r->kind == K_SUPER) { /* the superblock only, not the boot block */
        base = EXT2_SUPERBLOCK_OFFSET % bs;
        span = EXT2_SUPERBLOCK_SIZE / 4; /* the fields in use */
    } else if (r->kind == K_GDT) {
        span = ngroups * EXT2_GROUP_DESC_SIZE < bs ? ngroups * EXT2_GROUP_DESC_SIZE : bs;
    }
    uint32_t off = base + rand_below(span);
    if (r->kind == K_IND && rand_below(4) == 0) { /* every pointer the same */
        uint32_t v = rand_below(2) ? r->block : regions[rand_below((uint32_t)nregions)].block;
        for (uint32_t i = 0; i < bs / 4; i++)
            memcpy(p + 4 * i, &v, 4);
        log_mutation(r, 0, "all pointers", v);
        return r->kind;
    }
    switch (rand_below(r->kind == K_BBITMAP || r->kind == K_IBITMAP ? 6 : 5)) {
    case 0:
        p[off] = (uint8_t)next_rand();
        log_mutation(r, off, "byte", p[off]);
        break;
    case 1:
        p[off] ^= (uint8_t)(1u << rand_below(8));
        log_mutation(r, off, "flip", p[off]);
        break;
    case 2: {
        uint16_t v = interesting16();
        memcpy(p + (off & ~1u), &v, 2);
        log_mutation(r, off & ~1u, "u16", v);
        break;
    }
    case 3:
    case 4: {
        uint32_t v = interesting32();
        memcpy(p + (off & ~3u), &v, 4);
        log_mutation(r, off & ~3u, "u32", v);
        break;
    }
    default: { /* a bitmap that claims everything free or used */
        uint8_t v = rand_below(2) ? 0xFF : 0;
        memset(p, v, bs);
        log_mutation(r, 0, "fill", v);
        break;
    }
    }
    return r->kind;
}

/* ---- the workload (in the child) ---- */

static bool check_layout; /* superblock and descriptors untouched */
static int child_failures;

static void fail(const char *fmt, const char *arg)
{
    fprintf(stderr, "  fuzz check: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    child_failures++;
}

/* write_hook: file data (the marker) must never land on a metadata block. */
static void write_hook(uint64_t sector, uint32_t count, const void *buf)
{
    if (!check_layout)
        return;
    uint32_t spb = bs / BLOCK_SECTOR_SIZE;
    for (uint32_t s = 0; s < count; s += spb) {
        uint64_t blk = (sector + s) / spb;
        const uint8_t *data = (const uint8_t *)buf + (size_t)s * BLOCK_SECTOR_SIZE;
        if (blk < nblocks && fixed_meta[blk] && memmem(data, bs, MARKER, MARKER_LEN))
            fail("file data written over metadata block %s", "(see layout)");
    }
}

static uint32_t seen_ino[MAX_ENTRIES + 1]; /* live inodes the walk opened */
static size_t nseen;

static void read_file(const char *path)
{
    struct file *f;
    if (file_open(path, NULL, &f) < 0)
        return;
    if (nseen < MAX_ENTRIES)
        seen_ino[nseen++] = file_inumber(f);
    static uint8_t buf[4096];
    for (size_t done = 0; done < MAX_READ;) {
        long n = file_read(f, buf, sizeof(buf));
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    file_close(f);
}

/* walk: visit the tree from the root, depth-first with an explicit stack;
 * records up to MAX_REMOVE file paths in FILES. */
static size_t walk(char files[][PATH_MAX_LEN])
{
    static char stack[MAX_ENTRIES][PATH_MAX_LEN];
    static int depth[MAX_ENTRIES];
    size_t top = 0, visited = 0, nfiles = 0;
    strcpy(stack[top], "/");
    depth[top++] = 0;
    while (top > 0 && visited < MAX_ENTRIES) {
        top--;
        char dir[PATH_MAX_LEN];
        strcpy(dir, stack[top]);
        int d = depth[top];
        struct file *f;
        if (file_open(dir, NULL, &f) < 0)
            continue;
        if (nseen < MAX_ENTRIES)
            seen_ino[nseen++] = file_inumber(f);
        char name[FS_NAME_MAX + 1];
        while (visited < MAX_ENTRIES && fs_readdir(f, name) > 0) {
            visited++;
            char path[PATH_MAX_LEN];
            if (snprintf(path, sizeof(path), "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name) >=
                (int)sizeof(path))
                continue;
            struct inode *ip;
            if (fs_lookup(path, NULL, &ip) < 0)
                continue;
            bool is_dir = inode_is_dir(ip);
            inode_close(ip);
            if (is_dir && d + 1 < MAX_DEPTH && top < MAX_ENTRIES) {
                strcpy(stack[top], path);
                depth[top++] = d + 1;
            } else if (!is_dir) {
                read_file(path);
                if (nfiles < MAX_REMOVE && visited % 3 == 0)
                    strcpy(files[nfiles++], path);
            }
        }
        file_close(f);
    }
    return nfiles;
}

/* write_new: create PATH, write the marker pattern at block 0-2 and past
 * the direct blocks, read it back. With FRESH, its inode must not be one
 * the walk found in use. */
static void write_new(const char *path, bool fresh)
{
    if (fs_create(path, NULL, 0) < 0)
        return;
    struct file *f;
    if (file_open(path, NULL, &f) < 0)
        return;
    for (size_t i = 0; fresh && i < nseen; i++)
        if (seen_ino[i] == file_inumber(f))
            fail("%s got the inode of a live file", path);
    size_t len = 3 * bs;
    uint8_t *buf = malloc(len), *back = malloc(len);
    for (size_t i = 0; i < len; i++)
        buf[i] = (uint8_t)MARKER[i % MARKER_LEN];
    uint64_t offs[2] = {0, (uint64_t)(EXT2_NDIR_BLOCKS + 1) * bs};
    for (int k = 0; k < 2; k++) {
        long n = file_write_at(f, buf, len, offs[k]);
        if (n <= 0)
            continue;
        long m = file_read_at(f, back, (size_t)n, offs[k]);
        if (m != n || memcmp(buf, back, (size_t)n) != 0)
            fail("%s does not read back what was written", path);
    }
    free(buf);
    free(back);
    file_close(f);
}

static void workload(void)
{
    static char files[MAX_REMOVE][PATH_MAX_LEN];
    size_t nfiles = walk(files);
    write_new("/fz-file", true);
    fs_remove("/fz-file", NULL);
    if (fs_mkdir("/fz-dir", NULL) == 0) {
        write_new("/fz-dir/inner", false);
        fs_remove("/fz-dir/inner", NULL);
        fs_remove("/fz-dir", NULL);
    }
    if (fs_mkdir("/sub/fz-sub", NULL) == 0)
        fs_remove("/sub/fz-sub", NULL);
    for (size_t i = 0; i < nfiles; i++)
        fs_remove(files[i], NULL);
    fs_remove("/sub/deeper/empty", NULL);
    fs_remove("/big.txt", NULL); /* frees indirect blocks */
    fs_sync();
    write_new("/fz-last", false); /* left on the disk, written at unmount */
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "  fuzz: iteration timed out (hang)\n";
    write(2, msg, sizeof(msg) - 1);
    _exit(EXIT_BAD + 1);
}

static int run_child(const char *work)
{
    signal(SIGALRM, on_alarm);
    alarm(ITER_SECONDS);
    struct block_device *dev = host_disk_open(work, 0, image_size / BLOCK_SECTOR_SIZE);
    host_write_hook = write_hook;
    int err = fs_init(dev);
    if (err == 0) {
        workload();
        fs_shutdown();
    }
    if (host_heap_in_use() != 0) {
        fprintf(stderr, "  fuzz check: %zu kmalloc bytes leaked\n", host_heap_in_use());
        child_failures++;
    }
    host_disk_close(dev);
    return child_failures ? EXIT_BAD : err < 0 ? EXIT_REFUSED : 0;
}

/* ---- driver ---- */

static void load_image(const char *path)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        perror(path);
        exit(2);
    }
    image_size = (size_t)st.st_size;
    pristine = malloc(image_size);
    if (pread(fd, pristine, image_size, 0) != (ssize_t)image_size) {
        perror(path);
        exit(2);
    }
    close(fd);
}

static uint64_t refused; /* iterations whose mount was refused */

/* one_iteration: build the mutated image of ITER in WORK and run the
 * workload in a child. Returns true if it survived. */
static bool one_iteration(const char *work, uint8_t *img, uint64_t seed, uint64_t iter)
{
    memcpy(img, pristine, image_size);
    rng = seed * 0x100000001B3ull ^ iter;
    check_layout = true;
    mutation_log[0] = '\0';
    int n = iter == 0 ? 0 : 1 + (int)rand_below(MAX_MUTATIONS);
    for (int i = 0; i < n; i++) {
        enum kind k = mutate(img);
        if (k == K_SUPER || k == K_GDT)
            check_layout = false;
    }
    int fd = open(work, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || pwrite(fd, img, image_size, 0) != (ssize_t)image_size) {
        perror(work);
        exit(2);
    }
    close(fd);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        /* quiet: the kernel's messages on a corrupted disk are expected */
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        _exit(run_child(work));
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_REFUSED) {
        refused++;
        return true;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: fuzz IMAGE ITERATIONS SEED [FIRST]\n");
        return 2;
    }
    load_image(argv[1]);
    parse_image();
    uint64_t iters = strtoull(argv[2], NULL, 0), seed = strtoull(argv[3], NULL, 0);
    uint64_t first = argc == 5 ? strtoull(argv[4], NULL, 0) : 0;
    char work[PATH_MAX_LEN];
    snprintf(work, sizeof(work), "%s.work", argv[1]);
    uint8_t *img = malloc(image_size);
    printf("fuzz: %s: %u-byte blocks, %u groups, regions:", argv[1], bs, ngroups);
    for (int k = 0; k < K_KINDS; k++)
        printf(" %s %zu", kind_names[k], kind_count[k]);
    printf("\n");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint64_t failed = 0;
    for (uint64_t i = first; i < first + iters; i++) {
        if (!one_iteration(work, img, seed, i)) {
            failed++;
            printf("fuzz: FAILED iteration %llu (repeat: %s %s 1 %s %llu):%s\n",
                   (unsigned long long)i, argv[0], argv[1], argv[3], (unsigned long long)i,
                   mutation_log);
            fflush(stdout);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("fuzz: %s: %llu iterations in %.1f s (%llu mounts refused), %llu failed\n", argv[1],
           (unsigned long long)iters, secs, (unsigned long long)refused,
           (unsigned long long)failed);
    unlink(work);
    free(img);
    free(pristine);
    free(fixed_meta);
    return failed ? 1 : 0;
}
