/* In-kernel tests of the file system as the kernel runs it: ext2 on the
 * real disk (IDE or virtio), mounted at boot by fs_init.
 *
 * Suite `ext2` (any disk of a few dozen MiB, 1 or 4 KiB blocks): small
 * files, an 8 MiB file reaching the double-indirect blocks, sparse files,
 * remove while open, nested directories, listing, a RAM disk, corrupted
 * superblocks refused (on a RAM-disk copy of the partition's first blocks,
 * mounted directly with ext2_mount), and /kfile.bin, a 300 KiB file left on
 * the disk for the host to read back (tools/tests/ext2-*.test, host-cat).
 * Suite `ext2full` (tools/tests/ext2-full.test; skipped on a file system
 * over 8 MiB): fill the disk until a write comes back short, then check
 * and clean up.
 *
 * Every test returns the disk to its free counts (checked with
 * fs_get_stats) and frees all it allocates; the runner checks the disk
 * with e2fsck after power-off. Contents are a deterministic pattern,
 * compared byte for byte and by an FNV-1a checksum. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/block.h"
#include "drivers/ramdisk.h"
#include "fs/ext2.h"
#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"

#define KIB 1024u
#define MIB (1024u * 1024u)

/* Pattern byte I of stream SEED: Knuth's multiplicative hash, top byte.
 * The host computes the same for /kfile.bin (seed 0):
 *   bytes(((i * 2654435761) & 0xffffffff) >> 24 for i in range(N)) */
#define PATTERN_MUL 2654435761u
#define KFILE_PATH  "/kfile.bin"
#define KFILE_SIZE  (300 * KIB)

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME  0x100000001b3ull

#define BIG_SIZE        (8 * MIB + 12345)
#define BIG_WRITE_CHUNK 4093 /* odd sizes: never block aligned */
#define BIG_READ_CHUNK  7919
#define IO_BUF_SIZE     8192

static uint8_t pattern_byte(uint64_t i, uint32_t seed)
{
    return (uint8_t)(((uint32_t)i + seed) * PATTERN_MUL >> 24);
}

/* fill_pattern: LEN bytes of stream SEED starting at stream offset POS. */
static void fill_pattern(uint8_t *buf, size_t len, uint64_t pos, uint32_t seed)
{
    for (size_t i = 0; i < len; i++)
        buf[i] = pattern_byte(pos + i, seed);
}

static uint64_t fnv_update(uint64_t h, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ buf[i]) * FNV_PRIME;
    return h;
}

static bool all_zero(const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (buf[i])
            return false;
    return true;
}

static void get_stats(struct ext2_fs_stats *st)
{
    fs_get_stats(st);
}

/* same_counts: A and B have the same free block and inode counts. */
static bool same_counts(const struct ext2_fs_stats *a, const struct ext2_fs_stats *b)
{
    return a->free_blocks == b->free_blocks && a->free_inodes == b->free_inodes;
}

/* write_pattern: write SIZE bytes of stream SEED to FILE from its offset,
 * CHUNK bytes per call; the FNV-1a of the data into *HASH. Returns the
 * bytes written (short if a write was) or an error. */
static long write_pattern(struct file *file, uint64_t size, uint32_t seed, size_t chunk,
                          uint64_t *hash)
{
    uint8_t *buf = kmalloc(chunk);
    if (!buf)
        return ERR_NO_MEMORY;
    uint64_t done = 0, h = FNV_OFFSET;
    long result = 0;
    while (done < size) {
        size_t n = size - done < chunk ? (size_t)(size - done) : chunk;
        fill_pattern(buf, n, done, seed);
        long w = file_write(file, buf, n);
        if (w < 0) {
            result = done ? 0 : w;
            break;
        }
        h = fnv_update(h, buf, (size_t)w);
        done += (uint64_t)w;
        if ((size_t)w < n)
            break;
    }
    kfree(buf);
    if (hash)
        *hash = h;
    return result < 0 ? result : (long)done;
}

/* read_hash: read FILE from its offset to the end, CHUNK bytes per call;
 * the FNV-1a of what was read into *HASH. Returns the bytes read. */
static long read_hash(struct file *file, size_t chunk, uint64_t *hash)
{
    uint8_t *buf = kmalloc(chunk);
    if (!buf)
        return ERR_NO_MEMORY;
    uint64_t h = FNV_OFFSET;
    long total = 0, n;
    while ((n = file_read(file, buf, chunk)) > 0) {
        h = fnv_update(h, buf, (size_t)n);
        total += n;
    }
    kfree(buf);
    *hash = h;
    return n < 0 ? n : total;
}

/* make_file: create PATH holding SIZE bytes of stream SEED (written CHUNK
 * bytes at a time). 0 or an error. */
static int make_file(const char *path, uint64_t size, uint32_t seed, size_t chunk)
{
    int err = fs_create(path, NULL, 0);
    if (err < 0)
        return err;
    struct file *f;
    if ((err = file_open(path, NULL, &f)) < 0)
        return err;
    long w = write_pattern(f, size, seed, chunk, NULL);
    file_close(f);
    return w < 0 ? (int)w : (uint64_t)w == size ? 0 : ERR_NO_SPACE;
}

/* check_file: PATH holds exactly SIZE bytes of stream SEED. */
static bool check_file(const char *path, uint64_t size, uint32_t seed)
{
    struct file *f;
    if (file_open(path, NULL, &f) < 0)
        return false;
    uint8_t *buf = kmalloc(IO_BUF_SIZE), *want = kmalloc(IO_BUF_SIZE);
    bool ok = buf && want && file_length(f) == size;
    uint64_t pos = 0;
    long n;
    while (ok && (n = file_read(f, buf, IO_BUF_SIZE)) > 0) {
        fill_pattern(want, (size_t)n, pos, seed);
        ok = memcmp(buf, want, (size_t)n) == 0;
        pos += (uint64_t)n;
    }
    ok = ok && pos == size;
    kfree(buf);
    kfree(want);
    file_close(f);
    return ok;
}

KTEST(ext2, mounted)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats st;
    get_stats(&st);
    KT_ASSERT(st.block_size == 1024 || st.block_size == 4096);
    KT_ASSERT(st.free_blocks > 0 && st.free_blocks < st.blocks_count);
    KT_ASSERT(st.free_inodes > 0 && st.free_inodes < st.inodes_count);
    struct inode *root;
    KT_ASSERT(fs_lookup("/", NULL, &root) == 0);
    KT_ASSERT(inode_is_dir(root) && inode_get_inumber(root) == EXT2_ROOT_INO);
    inode_close(root);
}

KTEST(ext2, small_file)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, after;
    get_stats(&before);
    static const char text[] = "hello, ext2\n";
    const size_t len = sizeof text - 1;
    char buf[64];
    struct file *f;
    KT_ASSERT(fs_create("/kt_small.txt", NULL, 0) == 0);
    KT_ASSERT(fs_create("/kt_small.txt", NULL, 0) == ERR_EXISTS);
    KT_ASSERT(file_open("/kt_small.txt", NULL, &f) == 0);
    KT_ASSERT(file_length(f) == 0 && !file_is_dir(f));
    KT_ASSERT(file_write(f, text, len) == (long)len);
    KT_ASSERT(file_length(f) == len && file_tell(f) == len);
    KT_ASSERT(file_read(f, buf, sizeof buf) == 0); /* at the end */
    file_seek(f, 0);
    KT_ASSERT(file_read(f, buf, sizeof buf) == (long)len);
    KT_ASSERT(memcmp(buf, text, len) == 0);
    KT_ASSERT(file_write_at(f, "EXT2", 4, 7) == 4);
    KT_ASSERT(file_read_at(f, buf, sizeof buf, 0) == (long)len);
    KT_ASSERT(memcmp(buf, "hello, EXT2\n", len) == 0);
    file_close(f);
    /* the data is on the file, not on the struct file */
    KT_ASSERT(file_open("/kt_small.txt", NULL, &f) == 0);
    KT_ASSERT(file_read(f, buf, sizeof buf) == (long)len);
    KT_ASSERT(memcmp(buf, "hello, EXT2\n", len) == 0);
    file_close(f);
    KT_ASSERT(fs_remove("/kt_small.txt", NULL) == 0);
    KT_ASSERT(file_open("/kt_small.txt", NULL, &f) == ERR_NOT_FOUND);
    KT_ASSERT(fs_remove("/kt_small.txt", NULL) == ERR_NOT_FOUND);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}

/* Sizes around the block boundaries and the end of the direct blocks. */
KTEST(ext2, sizes)
{
    KT_ASSERT(fs_mounted());
    static const uint32_t sizes[] = {0,        1,    1023,     1024,         1025,     4095,
                                     4096,     4097, 12 * KIB, 12 * KIB + 1, 48 * KIB, 48 * KIB + 1,
                                     300 * KIB};
    const size_t count = sizeof sizes / sizeof sizes[0];
    struct ext2_fs_stats before, after;
    /* In a directory of their own: the files' entries must not make the
     * root grow by a block (never given back), however full it is. */
    KT_ASSERT(fs_mkdir("/kt_sizes", NULL) == 0);
    get_stats(&before);
    char path[32];
    for (size_t i = 0; i < count; i++) {
        snprintf(path, sizeof path, "/kt_sizes/f%zu", i);
        KT_ASSERT(make_file(path, sizes[i], (uint32_t)i, 1000) == 0);
    }
    for (size_t i = 0; i < count; i++) {
        snprintf(path, sizeof path, "/kt_sizes/f%zu", i);
        KT_ASSERT(check_file(path, sizes[i], (uint32_t)i));
        KT_ASSERT(fs_remove(path, NULL) == 0);
    }
    get_stats(&after);
    KT_ASSERT(fs_remove("/kt_sizes", NULL) == 0);
    KT_ASSERT(same_counts(&before, &after));
}

/* >= 8 MiB: with 1 KiB blocks the map goes past 12 + 256 blocks into the
 * double-indirect ones (with 4 KiB past 12 + 1024). */
KTEST(ext2, big_file)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, full, after;
    get_stats(&before);
    struct file *f;
    KT_ASSERT(fs_create("/kt_big.bin", NULL, 0) == 0);
    KT_ASSERT(file_open("/kt_big.bin", NULL, &f) == 0);
    uint64_t wrote_hash, read_hash_value;
    long w = write_pattern(f, BIG_SIZE, 0xb16, BIG_WRITE_CHUNK, &wrote_hash);
    KT_ASSERT(w == BIG_SIZE);
    KT_ASSERT(file_length(f) == BIG_SIZE);
    get_stats(&full);
    uint32_t data_blocks = (BIG_SIZE + before.block_size - 1) / before.block_size;
    uint32_t ptrs = before.block_size / 4;
    KT_ASSERT(data_blocks > 12 + ptrs); /* really double indirect */
    uint32_t used = before.free_blocks - full.free_blocks;
    /* data + single indirect + double indirect + its second-level blocks */
    uint32_t meta = 1 + 1 + (data_blocks - 12 - ptrs + ptrs - 1) / ptrs;
    KT_ASSERT(used == data_blocks + meta);
    file_seek(f, 0);
    KT_ASSERT(read_hash(f, BIG_READ_CHUNK, &read_hash_value) == BIG_SIZE);
    KT_ASSERT(read_hash_value == wrote_hash);
    file_close(f);
    /* and once more from a fresh open, in other chunks, byte for byte */
    KT_ASSERT(check_file("/kt_big.bin", BIG_SIZE, 0xb16));
    KT_ASSERT(fs_remove("/kt_big.bin", NULL) == 0);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}

#define SPARSE_SIZE     (5 * MIB)
#define SPARSE_DATA_AT  (3 * MIB + 17)
#define SPARSE_DATA_LEN 100
#define SPARSE_TAIL_AT  (6 * MIB + 3)

/* A file made as a hole, then written in the middle and past its end:
 * everything not written reads as zeros and costs no blocks. */
KTEST(ext2, sparse_file)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, mid, after;
    get_stats(&before);
    struct file *f;
    KT_ASSERT(fs_create("/kt_sparse", NULL, SPARSE_SIZE) == 0);
    KT_ASSERT(file_open("/kt_sparse", NULL, &f) == 0);
    KT_ASSERT(file_length(f) == SPARSE_SIZE);
    get_stats(&mid);
    KT_ASSERT(mid.free_blocks == before.free_blocks);
    uint8_t *buf = kmalloc(IO_BUF_SIZE), *want = kmalloc(SPARSE_DATA_LEN);
    KT_ASSERT(buf && want);
    KT_ASSERT(file_read_at(f, buf, IO_BUF_SIZE, 0) == IO_BUF_SIZE);
    KT_ASSERT(all_zero(buf, IO_BUF_SIZE));
    fill_pattern(want, SPARSE_DATA_LEN, 0, 5);
    KT_ASSERT(file_write_at(f, want, SPARSE_DATA_LEN, SPARSE_DATA_AT) == SPARSE_DATA_LEN);
    KT_ASSERT(file_write_at(f, want, SPARSE_DATA_LEN, SPARSE_TAIL_AT) == SPARSE_DATA_LEN);
    KT_ASSERT(file_length(f) == SPARSE_TAIL_AT + SPARSE_DATA_LEN);
    /* 1000 bytes before the data, the data, 1000 after */
    const uint64_t around = SPARSE_DATA_AT - 1000;
    KT_ASSERT(file_read_at(f, buf, 2100, around) == 2100);
    KT_ASSERT(all_zero(buf, 1000) && all_zero(buf + 1000 + SPARSE_DATA_LEN, 1000));
    KT_ASSERT(memcmp(buf + 1000, want, SPARSE_DATA_LEN) == 0);
    /* the old end of the file and the gap up to the tail are holes */
    KT_ASSERT(file_read_at(f, buf, IO_BUF_SIZE, SPARSE_SIZE - 4096) == IO_BUF_SIZE);
    KT_ASSERT(all_zero(buf, IO_BUF_SIZE));
    KT_ASSERT(file_read_at(f, buf, IO_BUF_SIZE, SPARSE_TAIL_AT - 1000) == 1000 + SPARSE_DATA_LEN);
    KT_ASSERT(all_zero(buf, 1000) && memcmp(buf + 1000, want, SPARSE_DATA_LEN) == 0);
    get_stats(&mid);
    KT_ASSERT(before.free_blocks - mid.free_blocks <= 8); /* 2-3 data + indirects */
    kfree(buf);
    kfree(want);
    file_close(f);
    KT_ASSERT(fs_remove("/kt_sparse", NULL) == 0);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}

#define ORPHAN_SIZE (100 * KIB)

/* Removing an open file takes the name at once; the data stays readable
 * (and writable) through every open file, and the inode and its blocks
 * come back only with the last close. */
KTEST(ext2, remove_while_open)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, mid, after;
    get_stats(&before);
    KT_ASSERT(make_file("/kt_orphan", ORPHAN_SIZE, 9, 4000) == 0);
    struct file *f, *g;
    KT_ASSERT(file_open("/kt_orphan", NULL, &f) == 0);
    KT_ASSERT(file_reopen(f, &g) == 0);
    KT_ASSERT(fs_remove("/kt_orphan", NULL) == 0);
    struct file *h;
    KT_ASSERT(file_open("/kt_orphan", NULL, &h) == ERR_NOT_FOUND);
    KT_ASSERT(fs_create("/kt_orphan", NULL, 0) == 0); /* the name is free */
    KT_ASSERT(fs_remove("/kt_orphan", NULL) == 0);
    uint64_t hash, want = FNV_OFFSET;
    uint8_t *buf = kmalloc(ORPHAN_SIZE);
    KT_ASSERT(buf);
    fill_pattern(buf, ORPHAN_SIZE, 0, 9);
    want = fnv_update(want, buf, ORPHAN_SIZE);
    kfree(buf);
    KT_ASSERT(read_hash(f, 3000, &hash) == ORPHAN_SIZE && hash == want);
    KT_ASSERT(file_write_at(g, "tail", 4, ORPHAN_SIZE) == 4);
    KT_ASSERT(file_length(f) == ORPHAN_SIZE + 4);
    file_close(f);
    get_stats(&mid);
    KT_ASSERT(mid.free_blocks < before.free_blocks && mid.free_inodes < before.free_inodes);
    file_close(g);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}

KTEST(ext2, directories)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, after;
    get_stats(&before);
    KT_ASSERT(fs_mkdir("/kt_d", NULL) == 0);
    KT_ASSERT(fs_mkdir("/kt_d", NULL) == ERR_EXISTS);
    KT_ASSERT(fs_mkdir("/kt_d/a", NULL) == 0);
    KT_ASSERT(fs_mkdir("/kt_d/a/b/", NULL) == 0); /* trailing slash */
    KT_ASSERT(fs_mkdir("/kt_d/x/y", NULL) == ERR_NOT_FOUND);
    KT_ASSERT(make_file("/kt_d/a/b/f.txt", 5000, 3, 999) == 0);
    KT_ASSERT(fs_create("/kt_d/a/b/f.txt/z", NULL, 0) == ERR_NOT_DIR);
    /* relative paths from a directory, with . and .. */
    struct inode *a;
    struct file *f;
    KT_ASSERT(fs_lookup("/kt_d//a", NULL, &a) == 0);
    KT_ASSERT(inode_is_dir(a));
    KT_ASSERT(file_open("b/f.txt", a, &f) == 0);
    KT_ASSERT(file_length(f) == 5000);
    file_close(f);
    KT_ASSERT(file_open("./b/../b/f.txt", a, &f) == 0);
    file_close(f);
    KT_ASSERT(file_open("../a/b/f.txt", a, &f) == 0);
    file_close(f);
    KT_ASSERT(fs_mkdir("c", a) == 0);
    KT_ASSERT(file_open("/kt_d/a/c", NULL, &f) == 0);
    KT_ASSERT(file_is_dir(f));
    file_close(f);
    KT_ASSERT(check_file("/kt_d/a/b/f.txt", 5000, 3));
    /* non-empty directories stay */
    KT_ASSERT(fs_remove("/kt_d/a", NULL) == ERR_NOT_EMPTY);
    KT_ASSERT(fs_remove("c", a) == 0);
    inode_close(a);
    KT_ASSERT(fs_remove("/kt_d/a/b/f.txt", NULL) == 0);
    KT_ASSERT(fs_remove("/kt_d/a/b", NULL) == 0);
    KT_ASSERT(fs_remove("/kt_d/a", NULL) == 0);
    KT_ASSERT(fs_remove("/kt_d", NULL) == 0);
    KT_ASSERT(fs_lookup("/kt_d", NULL, &a) == ERR_NOT_FOUND);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}

#define LS_FILES 60 /* long names: the directory spans several blocks */

/* list_dir: read directory PATH; mark SEEN[i] for each "entry-...-NN";
 * returns the number of entries, or -1 for a name seen twice or unknown. */
static int list_dir(const char *path, bool *seen)
{
    struct file *d;
    if (file_open(path, NULL, &d) < 0)
        return -1;
    char *name = kmalloc(FS_NAME_MAX + 1);
    int count = 0, r;
    memset(seen, 0, LS_FILES * sizeof(bool));
    while (name && (r = fs_readdir(d, name)) == 1) {
        size_t len = strlen(name);
        int idx = (name[len - 2] - '0') * 10 + (name[len - 1] - '0');
        if (strncmp(name, "entry-with-a-longish-name-", 26) || idx >= LS_FILES || seen[idx]) {
            count = -1;
            break;
        }
        seen[idx] = true;
        count++;
    }
    kfree(name);
    file_close(d);
    return count;
}

KTEST(ext2, readdir)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, after;
    get_stats(&before);
    bool seen[LS_FILES];
    char path[64];
    KT_ASSERT(fs_mkdir("/kt_ls", NULL) == 0);
    KT_ASSERT(list_dir("/kt_ls", seen) == 0);
    for (int i = 0; i < LS_FILES; i++) {
        snprintf(path, sizeof path, "/kt_ls/entry-with-a-longish-name-%02d", i);
        KT_ASSERT(fs_create(path, NULL, (uint64_t)i) == 0);
    }
    KT_ASSERT(list_dir("/kt_ls", seen) == LS_FILES);
    for (int i = 0; i < LS_FILES; i += 2) {
        snprintf(path, sizeof path, "/kt_ls/entry-with-a-longish-name-%02d", i);
        KT_ASSERT(fs_remove(path, NULL) == 0);
    }
    KT_ASSERT(list_dir("/kt_ls", seen) == LS_FILES / 2);
    for (int i = 0; i < LS_FILES; i++)
        KT_ASSERT(seen[i] == (i % 2 == 1));
    KT_ASSERT(fs_remove("/kt_ls", NULL) == ERR_NOT_EMPTY);
    for (int i = 1; i < LS_FILES; i += 2) {
        snprintf(path, sizeof path, "/kt_ls/entry-with-a-longish-name-%02d", i);
        KT_ASSERT(fs_remove(path, NULL) == 0);
    }
    KT_ASSERT(list_dir("/kt_ls", seen) == 0);
    KT_ASSERT(fs_remove("/kt_ls", NULL) == 0);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}

#define RAM_TEST_SECTORS 100

KTEST(ext2, ramdisk)
{
    struct block_device *rd;
    KT_ASSERT(ramdisk_create(RAM_TEST_SECTORS, &rd) == 0);
    KT_ASSERT(rd->role == BLOCK_ROLE_OTHER && rd->sector_count == RAM_TEST_SECTORS);
    KT_ASSERT(block_find(rd->name) == rd);
    uint8_t *buf = kmalloc(3 * BLOCK_SECTOR_SIZE);
    KT_ASSERT(buf);
    memset(buf, 0xee, 3 * BLOCK_SECTOR_SIZE);
    KT_ASSERT(block_read(rd, 6, 3, buf) == 0 && all_zero(buf, 3 * BLOCK_SECTOR_SIZE));
    fill_pattern(buf, 3 * BLOCK_SECTOR_SIZE, 0, 1);
    KT_ASSERT(block_write(rd, 7, 3, buf) == 0); /* crosses a page */
    memset(buf, 0, 3 * BLOCK_SECTOR_SIZE);
    KT_ASSERT(block_read(rd, 7, 3, buf) == 0);
    bool same = true;
    for (size_t i = 0; i < 3 * BLOCK_SECTOR_SIZE; i++)
        same = same && buf[i] == pattern_byte(i, 1);
    KT_ASSERT(same);
    KT_ASSERT(block_read(rd, RAM_TEST_SECTORS - 1, 2, buf) == ERR_INVALID);
    kfree(buf);
    ramdisk_destroy(rd);
    KT_ASSERT(rd->sector_count == 0);
    struct block_device *again;
    KT_ASSERT(ramdisk_create(RAM_TEST_SECTORS, &again) == 0);
    ramdisk_destroy(again);
}

/* Sectors of the real partition copied to the RAM disk: the superblock
 * and the group descriptors (block 1 or 2) of either block size. */
#define COPY_SECTORS 32
#define SB_SECTOR    (EXT2_SUPERBLOCK_OFFSET / BLOCK_SECTOR_SIZE)
#define GD_OFFSET_1K 2048 /* bytes: block 2 of a 1 KiB-block fs */
#define GD_OFFSET_4K 4096 /* block 1 of a 4 KiB-block fs */

enum corruption {
    C_MAGIC,
    C_FREE_BLOCKS,
    C_INODES_COUNT,
    C_BLOCK_SIZE,
    C_BLOCKS_COUNT,
    C_PER_GROUP,
    C_INCOMPAT,
    C_JOURNAL,
    C_GROUP_DESC,
    C_COUNT
};

static const int corruption_err[C_COUNT] = {
    ERR_BAD_FORMAT, ERR_BAD_FORMAT,  ERR_BAD_FORMAT,  ERR_UNSUPPORTED, ERR_BAD_FORMAT,
    ERR_BAD_FORMAT, ERR_UNSUPPORTED, ERR_UNSUPPORTED, ERR_BAD_FORMAT,
};

/* corrupt: damage the copy IMG (COPY_SECTORS sectors) in way C. */
static void corrupt(uint8_t *img, enum corruption c)
{
    struct ext2_super_block *sb = (void *)(img + EXT2_SUPERBLOCK_OFFSET);
    size_t gd_off = sb->s_log_block_size == 0 ? GD_OFFSET_1K : GD_OFFSET_4K;
    struct ext2_group_desc *gd = (void *)(img + gd_off);
    switch (c) {
    case C_MAGIC: sb->s_magic ^= 0x0101; break;
    case C_FREE_BLOCKS: sb->s_free_blocks_count = sb->s_blocks_count + 1; break;
    case C_INODES_COUNT: sb->s_inodes_count += 1; break;
    case C_BLOCK_SIZE: sb->s_log_block_size = 7; break;
    case C_BLOCKS_COUNT: sb->s_blocks_count *= 4; break;
    case C_PER_GROUP: sb->s_blocks_per_group = 0; break;
    case C_INCOMPAT: sb->s_feature_incompat |= EXT2_FEATURE_INCOMPAT_COMPRESSION; break;
    case C_JOURNAL: sb->s_feature_compat |= EXT3_FEATURE_COMPAT_HAS_JOURNAL; break;
    case C_GROUP_DESC: gd->bg_inode_table = 0xfffffff0u; break;
    default: break;
    }
}

/* corrupt_inodes: on RD, an intact copy of the partition's first sectors,
 * make an inode and damage its block map the ways of a hostile image:
 * reading, writing and deleting it fail with ERR_BAD_FORMAT, never panic,
 * and never follow or free a block outside the file system; deleting a
 * reserved inode is refused likewise. False if any check fails. */
static bool corrupt_inodes(struct block_device *rd)
{
    struct ext2_fs *fs2;
    if (ext2_mount(rd, &fs2) < 0)
        return false;
    struct ext2_fs_stats st;
    ext2_get_stats(fs2, &st);
    uint32_t past_fs = st.blocks_count + 7, past_dev = 0xfffffff0u, ino;
    struct ext2_inode di;
    char byte;
    bool ok = ext2_inode_create(fs2, EXT2_ROOT_INO, EXT2_MODE_FILE_DEFAULT, &ino, &di) == 0;
    di.i_size = st.block_size * (EXT2_NDIR_BLOCKS + 1);
    di.i_block[0] = past_fs;
    di.i_block[1] = past_dev;
    ok = ok && ext2_inode_read(fs2, &di, &byte, 1, 0) == ERR_BAD_FORMAT;
    ok = ok && ext2_inode_read(fs2, &di, &byte, 1, st.block_size) == ERR_BAD_FORMAT;
    ok = ok && ext2_inode_write(fs2, ino, &di, &byte, 1, 0) == ERR_BAD_FORMAT;
    di.i_block[0] = di.i_block[1] = 0;
    di.i_block[EXT2_IND_BLOCK] = past_dev;
    ok = ok &&
         ext2_inode_read(fs2, &di, &byte, 1, st.block_size * EXT2_NDIR_BLOCKS) == ERR_BAD_FORMAT;
    di.i_block[0] = past_fs;
    ok = ok && ext2_inode_delete(fs2, ino, &di) == ERR_BAD_FORMAT;
    ext2_get_stats(fs2, &st);
    ok = ok && st.free_blocks <= st.blocks_count;
    ok = ok && ext2_inode_load(fs2, EXT2_ROOT_INO + 1, &di) == 0;
    ok = ok && ext2_inode_delete(fs2, EXT2_ROOT_INO + 1, &di) == ERR_BAD_FORMAT;
    return ext2_unmount(fs2) == 0 && ok;
}

/* The first sectors of the real partition copied into a RAM disk of the
 * same size (a sparse one: only the copy costs memory). The intact copy
 * mounts (a second, independent ext2 instance) and refuses corrupted
 * inodes (corrupt_inodes); each corruption of the superblock is refused
 * with its message and error code, without a panic or a leak. */
KTEST(ext2, corrupt_super)
{
    KT_ASSERT(fs_mounted());
    struct block_device *real = block_find_role(BLOCK_ROLE_FILESYS), *rd;
    KT_ASSERT(real);
    uint8_t *img = kmalloc(COPY_SECTORS * BLOCK_SECTOR_SIZE);
    uint8_t *work = kmalloc(COPY_SECTORS * BLOCK_SECTOR_SIZE);
    KT_ASSERT(img && work);
    KT_ASSERT(fs_sync() == 0);
    KT_ASSERT(block_read(real, 0, COPY_SECTORS, img) == 0);
    KT_ASSERT(ramdisk_create(real->sector_count, &rd) == 0);
    struct ext2_fs *fs2;
    KT_ASSERT(block_write(rd, 0, COPY_SECTORS, img) == 0);
    KT_ASSERT(ext2_mount(rd, &fs2) == 0);
    struct ext2_fs_stats st, real_st;
    ext2_get_stats(fs2, &st);
    get_stats(&real_st);
    KT_ASSERT(st.blocks_count == real_st.blocks_count && st.block_size == real_st.block_size);
    KT_ASSERT(ext2_unmount(fs2) == 0);
    KT_ASSERT(corrupt_inodes(rd));
    for (int c = 0; c < C_COUNT; c++) {
        memcpy(work, img, COPY_SECTORS * BLOCK_SECTOR_SIZE);
        corrupt(work, (enum corruption)c);
        KT_ASSERT(block_write(rd, 0, COPY_SECTORS, work) == 0);
        fs2 = NULL;
        int err = ext2_mount(rd, &fs2);
        if (err != corruption_err[c])
            printf("  corruption %d: mount returned %s\n", c, err_name(err));
        if (err == 0)
            ext2_unmount(fs2);
        KT_ASSERT(err == corruption_err[c] && fs2 == NULL);
    }
    ramdisk_destroy(rd);
    /* a device smaller than the file system it claims to hold */
    KT_ASSERT(ramdisk_create(COPY_SECTORS, &rd) == 0);
    KT_ASSERT(block_write(rd, 0, COPY_SECTORS, img) == 0);
    KT_ASSERT(ext2_mount(rd, &fs2) == ERR_BAD_FORMAT);
    ramdisk_destroy(rd);
    /* nothing at all */
    KT_ASSERT(ramdisk_create(COPY_SECTORS, &rd) == 0);
    KT_ASSERT(ext2_mount(rd, &fs2) == ERR_BAD_FORMAT);
    ramdisk_destroy(rd);
    kfree(work);
    kfree(img);
}

/* Left on the disk on purpose: the test spec's host-cat line checks its
 * sha256 with debugfs after power-off. */
KTEST(ext2, kfile_for_host)
{
    KT_ASSERT(fs_mounted());
    int err = fs_remove(KFILE_PATH, NULL);
    KT_ASSERT(err == 0 || err == ERR_NOT_FOUND);
    KT_ASSERT(make_file(KFILE_PATH, KFILE_SIZE, 0, 3333) == 0);
    KT_ASSERT(check_file(KFILE_PATH, KFILE_SIZE, 0));
}

/* ---- suite ext2full: a small file system filled up ---- */

#define KEEP_PATH  "/keep.bin"
#define KEEP_SIZE  (20 * KIB + 7)
#define FILL_PATH  "/filler.bin"
#define FILL_CHUNK (64 * KIB)
/* Filling a bigger file system takes too long for `ktest` of everything. */
#define FULL_MAX_FS_BYTES (8 * MIB)

/* fill_disk: append FILL_CHUNK-byte writes to F until one is short or
 * fails; the bytes written into *TOTAL. Returns the last write's result. */
static long fill_disk(struct file *f, uint64_t limit, uint64_t *total)
{
    uint8_t *buf = kmalloc(FILL_CHUNK);
    if (!buf)
        return ERR_NO_MEMORY;
    long w = 0;
    *total = 0;
    while (*total < limit) {
        fill_pattern(buf, FILL_CHUNK, *total, 77);
        w = file_write(f, buf, FILL_CHUNK);
        if (w > 0)
            *total += (uint64_t)w;
        if (w != FILL_CHUNK)
            break;
    }
    kfree(buf);
    return w;
}

KTEST(ext2full, disk_full)
{
    KT_ASSERT(fs_mounted());
    struct ext2_fs_stats before, full, after;
    get_stats(&before);
    if ((uint64_t)before.blocks_count * before.block_size > FULL_MAX_FS_BYTES) {
        printf("  ext2full: skipped: the file system is over %u MiB\n", FULL_MAX_FS_BYTES / MIB);
        return;
    }
    KT_ASSERT(make_file(KEEP_PATH, KEEP_SIZE, 42, 1000) == 0);
    struct file *f;
    KT_ASSERT(fs_create(FILL_PATH, NULL, 0) == 0);
    KT_ASSERT(file_open(FILL_PATH, NULL, &f) == 0);
    uint64_t limit = (uint64_t)before.blocks_count * before.block_size, total;
    long last = fill_disk(f, limit, &total);
    /* the write that hit the end was short (or, filling exactly at a chunk
     * boundary, failed with nothing written) */
    KT_ASSERT((last >= 0 && last < FILL_CHUNK) || last == ERR_NO_SPACE);
    KT_ASSERT(total > 0 && total < limit && file_length(f) == total);
    KT_ASSERT(file_write(f, "x", 1) == ERR_NO_SPACE);
    KT_ASSERT(file_length(f) == total);
    get_stats(&full);
    KT_ASSERT(full.free_blocks == 0);
    /* creating needs an inode only; a directory needs a block too */
    KT_ASSERT(fs_mkdir("/newdir", NULL) == ERR_NO_SPACE);
    struct ext2_fs_stats now;
    get_stats(&now);
    KT_ASSERT(same_counts(&now, &full)); /* the half-made directory undone */
    KT_ASSERT(fs_create("/empty", NULL, 0) == 0);
    struct file *e;
    KT_ASSERT(file_open("/empty", NULL, &e) == 0);
    KT_ASSERT(file_write(e, "abc", 3) == ERR_NO_SPACE && file_length(e) == 0);
    file_close(e);
    KT_ASSERT(fs_remove("/empty", NULL) == 0);
    file_close(f);
    /* what was there and what was written are intact */
    KT_ASSERT(check_file(KEEP_PATH, KEEP_SIZE, 42));
    KT_ASSERT(check_file(FILL_PATH, total, 77));
    printf("  ext2full: filled the disk with %llu KiB (%u blocks free before)\n",
           (unsigned long long)(total / KIB), before.free_blocks);
    KT_ASSERT(fs_remove(FILL_PATH, NULL) == 0);
    /* and the space is usable again */
    KT_ASSERT(make_file("/again.bin", total / 2, 5, 4096) == 0);
    KT_ASSERT(check_file("/again.bin", total / 2, 5));
    KT_ASSERT(fs_remove("/again.bin", NULL) == 0);
    KT_ASSERT(fs_remove(KEEP_PATH, NULL) == 0);
    get_stats(&after);
    KT_ASSERT(same_counts(&before, &after));
}
