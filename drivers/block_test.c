/* Unit tests of the block layer and the disk drivers, on the first disk
 * that holds a file-system partition (the one the test run attached, on
 * IDE or virtio), else on the first disk. Every sector written is saved
 * first and restored afterwards, so the file system on the disk stays
 * intact; sector 0 (the MBR) is never written. Buffers come from the heap,
 * from frames (contiguous, or above 4 GiB when the machine has RAM there)
 * and from the kernel image, so every way a driver maps them is used.
 * Without any disk the tests report that they were skipped and pass. */
#include "drivers/block.h"
#include "drivers/ramdisk.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "proc/thread.h"

#define SECS(n)          ((size_t)(n)*BLOCK_SECTOR_SIZE)
#define RT_SECTORS       8
#define PAGE_SECTORS     (PAGE_SIZE / BLOCK_SECTOR_SIZE)
#define BIG_SECTORS      128 /* 64 KiB */
#define SPAN_SECTORS     33  /* a buffer over 5 pages at an odd offset */
#define SPAN_PAGES       6
#define SPAN_OFFSET      0x1d0
#define STATIC_SECTORS   16
#define CONC_THREADS     4
#define CONC_ROUNDS      6
#define CONC_SECTORS     24
#define MBR_TABLE_OFFSET 446
#define MBR_ENTRY_SIZE   16
#define MBR_ENTRY_LBA    8
#define MBR_ENTRY_COUNT  12
#define HIGH_PHYS        (1ull << 32) /* beyond 32-bit DMA addresses */
#define HIGH_TRIES       32768        /* frames taken looking for a high one */
#define HIGH_SECTORS     8

static uint8_t static_buf[SECS(STATIC_SECTORS)];

/* test_disk: the disk under test: the one holding the file-system
 * partition, else the first disk, or NULL (then the caller skips). */
static struct block_device *test_disk(void)
{
    static bool told;
    struct block_device *fs = block_find_role(BLOCK_ROLE_FILESYS);
    struct block_device *d = fs ? fs->parent : block_find_role(BLOCK_ROLE_DISK);
    if (!d && !told) {
        printf("ktest block: no disk attached, disk tests skipped\n");
        told = true;
    }
    return d;
}

/* fill: a pattern unique to SECTOR, byte I and SEED. */
static void fill(uint8_t *buf, uint64_t sector, uint32_t count, unsigned seed)
{
    for (size_t i = 0; i < SECS(count); i++)
        buf[i] = (uint8_t)(sector * 131 + i * 7 + (i >> 9) * 13 + seed);
}

/* roundtrip: save COUNT sectors at SECTOR, write a pattern from IO, read it
 * back into IO and compare, restore the saved data and check it. */
static bool roundtrip(struct block_device *d, uint64_t sector, uint32_t count, uint8_t *io,
                      unsigned seed)
{
    bool ok = false;
    uint8_t *save = kmalloc(SECS(count)), *want = kmalloc(SECS(count));
    if (!save || !want)
        goto out;
    fill(want, sector, count, seed);
    memcpy(io, want, SECS(count));
    if (block_read(d, sector, count, save) < 0 || block_write(d, sector, count, io) < 0)
        goto out;
    memset(io, 0, SECS(count));
    int err = block_read(d, sector, count, io);
    ok = err == ERR_OK && memcmp(io, want, SECS(count)) == 0;
    if (block_write(d, sector, count, save) < 0 || block_read(d, sector, count, io) < 0 ||
        memcmp(io, save, SECS(count)) != 0)
        ok = false;
out:
    kfree(want);
    kfree(save);
    return ok;
}

/* roundtrip_heap: roundtrip through a kmalloc'd buffer. */
static bool roundtrip_heap(struct block_device *d, uint64_t sector, uint32_t count)
{
    uint8_t *io = kmalloc(SECS(count));
    bool ok = io && roundtrip(d, sector, count, io, 1);
    kfree(io);
    return ok;
}

KTEST(block, roundtrip_start)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    KT_ASSERT(roundtrip_heap(d, 1, RT_SECTORS));
}

KTEST(block, roundtrip_middle)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    KT_ASSERT(roundtrip_heap(d, d->sector_count / 2 - 3, RT_SECTORS));
}

KTEST(block, roundtrip_end)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    KT_ASSERT(roundtrip_heap(d, d->sector_count - RT_SECTORS, RT_SECTORS));
    KT_ASSERT(roundtrip_heap(d, d->sector_count - 1, 1));
}

KTEST(block, multi_sector_64k)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    KT_ASSERT(roundtrip_heap(d, d->sector_count / 4 + 1, BIG_SECTORS));
    KT_ASSERT(roundtrip_heap(d, d->sector_count / 4 + 7, 3 * BIG_SECTORS + 5));
}

/* A buffer that starts mid-page and crosses several page boundaries, so a
 * DMA driver must split it into per-page pieces. */
KTEST(block, buffer_spans_pages)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pa = pmm_alloc_contig(SPAN_PAGES);
    KT_ASSERT(pa);
    uint8_t *io = (uint8_t *)phys_to_virt(pa) + SPAN_OFFSET;
    bool ok = roundtrip(d, d->sector_count / 3, SPAN_SECTORS, io, 2);
    pmm_free_contig(pa, SPAN_PAGES);
    KT_ASSERT(ok);
}

/* A buffer in the kernel image (.bss), not in the direct map. */
KTEST(block, kernel_image_buffer)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    KT_ASSERT(roundtrip(d, d->sector_count / 3 + 100, STATIC_SECTORS, static_buf, 3));
}

/* alloc_high_frame: a frame at or above HIGH_PHYS, or 0 if none came in
 * HIGH_TRIES allocations (the machine has no RAM there). The frames below
 * it that were taken on the way are given back. */
static paddr_t alloc_high_frame(void)
{
    paddr_t *low = kmalloc(HIGH_TRIES * sizeof *low), high = 0;
    size_t n = 0;
    if (!low || pmm_max_phys() <= HIGH_PHYS)
        goto out;
    while (n < HIGH_TRIES && !high) {
        paddr_t pa = pmm_alloc();
        if (!pa)
            break;
        if (pa >= HIGH_PHYS)
            high = pa;
        else
            low[n++] = pa;
    }
out:
    while (n > 0)
        pmm_free(low[--n]);
    kfree(low);
    return high;
}

/* A buffer above 4 GiB, which a 32-bit DMA controller cannot reach: the
 * driver must still move it (PIO). Passes at once without such RAM. */
KTEST(block, buffer_above_4g)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pa = alloc_high_frame();
    if (!pa)
        return;
    bool ok = roundtrip(d, d->sector_count / 3 + 300, HIGH_SECTORS, phys_to_virt(pa), 4);
    pmm_free(pa);
    KT_ASSERT(ok);
}

struct conc_arg {
    struct block_device *dev;
    uint64_t sector;
    unsigned seed;
    bool ok;
};

static void conc_worker(void *aux)
{
    struct conc_arg *a = aux;
    uint8_t *io = kmalloc(SECS(CONC_SECTORS));
    a->ok = io != NULL;
    for (int r = 0; r < CONC_ROUNDS && a->ok; r++)
        a->ok = roundtrip(a->dev, a->sector + r, CONC_SECTORS, io, a->seed + r);
    kfree(io);
}

KTEST(block, concurrent_threads)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    struct conc_arg args[CONC_THREADS];
    struct thread *t[CONC_THREADS];
    for (int i = 0; i < CONC_THREADS; i++) {
        args[i] = (struct conc_arg){d, d->sector_count / 5 + i * 2 * CONC_SECTORS, 10u * i, false};
        t[i] = thread_create("blktest", PRIORITY_DEFAULT, conc_worker, &args[i]);
    }
    bool created = true, ok = true;
    for (int i = 0; i < CONC_THREADS; i++) {
        if (!t[i]) {
            created = false;
            continue;
        }
        thread_join(t[i]);
        ok = ok && args[i].ok;
    }
    KT_ASSERT(created);
    KT_ASSERT(ok);
}

static uint32_t le32(const uint8_t *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* check_part: partition N of D exists with ROLE and the table's extent. */
static bool check_part(struct block_device *d, const uint8_t *mbr, int n, enum block_role role)
{
    char name[sizeof d->name + 4];
    snprintf(name, sizeof name, "%s%d", d->name, n);
    struct block_device *p = block_find(name);
    const uint8_t *e = mbr + MBR_TABLE_OFFSET + (n - 1) * MBR_ENTRY_SIZE;
    return p && p->role == role && p->parent == d && p->start == le32(e + MBR_ENTRY_LBA) &&
           p->sector_count == le32(e + MBR_ENTRY_COUNT);
}

KTEST(block, mbr_partitions)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    uint8_t *mbr = kmalloc(BLOCK_SECTOR_SIZE);
    KT_ASSERT(mbr);
    bool read_ok = block_read(d, 0, 1, mbr) == ERR_OK;
    bool fs = read_ok && check_part(d, mbr, 1, BLOCK_ROLE_FILESYS);
    bool swap = read_ok && check_part(d, mbr, 2, BLOCK_ROLE_SWAP);
    kfree(mbr);
    KT_ASSERT(read_ok);
    KT_ASSERT(fs);
    KT_ASSERT(swap);
    KT_ASSERT(block_find_role(BLOCK_ROLE_FILESYS) != NULL);
    KT_ASSERT(block_find_role(BLOCK_ROLE_SWAP) != NULL);
}

KTEST(block, out_of_range)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    uint8_t *buf = kmalloc(SECS(2));
    KT_ASSERT(buf);
    struct block_device *p = block_find_role(BLOCK_ROLE_SWAP);
    bool ok = block_read(d, d->sector_count, 1, buf) == ERR_INVALID &&
              block_read(d, d->sector_count - 1, 2, buf) == ERR_INVALID &&
              block_write(d, d->sector_count, 1, buf) == ERR_INVALID &&
              block_read(d, UINT64_MAX, 2, buf) == ERR_INVALID &&
              block_read(d, 0, 1, NULL) == ERR_INVALID &&
              block_read(NULL, 0, 1, buf) == ERR_INVALID &&
              block_read(d, d->sector_count - 1, 1, buf) == ERR_OK &&
              (!p || (block_write(p, p->sector_count, 1, buf) == ERR_INVALID &&
                      block_read(p, p->sector_count - 1, 2, buf) == ERR_INVALID));
    kfree(buf);
    KT_ASSERT(ok);
}

/* requests_for: how many device requests a read of COUNT sectors into BUF
 * from D takes (-1 if it fails). */
static long requests_for(struct block_device *d, uint32_t count, void *buf)
{
    uint64_t before = d->requests;
    return block_read(d, d->sector_count / 2, count, buf) == ERR_OK ? (long)(d->requests - before)
                                                                    : -1;
}

/* A page (8 sectors) is one request, page aligned or across a page
 * boundary (in frames and in the kernel image); so is a 64 KiB read into
 * the heap. */
KTEST(block, one_request_per_page)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pa = pmm_alloc_contig(SPAN_PAGES);
    uint8_t *big = kmalloc(SECS(BIG_SECTORS));
    bool ok = pa && big;
    uint8_t *frames = ok ? phys_to_virt(pa) : NULL;
    ok = ok && requests_for(d, PAGE_SECTORS, frames) == 1;
    ok = ok && requests_for(d, PAGE_SECTORS, frames + SPAN_OFFSET) == 1;
    ok = ok && requests_for(d, PAGE_SECTORS, static_buf + SPAN_OFFSET) == 1;
    ok = ok && requests_for(d, BIG_SECTORS, big) == 1;
    kfree(big);
    if (pa)
        pmm_free_contig(pa, SPAN_PAGES);
    KT_ASSERT(ok);
}

/* A flush (the drive's write cache to the medium) works on the disk and
 * through a partition; without a device it is refused. */
KTEST(block, flush)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    struct block_device *p = block_find_role(BLOCK_ROLE_FILESYS);
    KT_ASSERT(block_flush(d) == ERR_OK);
    KT_ASSERT(!p || block_flush(p) == ERR_OK);
    KT_ASSERT(block_flush(NULL) == ERR_INVALID);
}

KTEST(block, statistics)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    struct block_device *p = block_find_role(BLOCK_ROLE_FILESYS);
    KT_ASSERT(p && p->parent == d);
    uint8_t *buf = kmalloc(SECS(4));
    KT_ASSERT(buf);
    uint64_t dr = d->reads, pr = p->reads, dw = d->writes;
    int e1 = block_read(p, 2, 4, buf);
    int e2 = block_read(p, p->sector_count, 1, buf);
    kfree(buf);
    KT_ASSERT(e1 == ERR_OK && e2 == ERR_INVALID);
    KT_ASSERT(p->reads == pr + 4 && d->reads == dr + 4 && d->writes == dw);
}

/* ---- vectored transfers (block_readv, block_writev) ---- */

#define MIX_FRAMES     3   /* contiguous frames of the mixed layout */
#define MIX_HEAP       17  /* sectors of its heap buffer */
#define SCATTER_PAGES  32  /* separate frames: a 128 KiB run (a read-ahead), one request */
#define MANY_SEGS      600 /* one-sector segments: more than a PRD table holds */
#define MANY_FRAMES    80  /* frames they are spread over */
#define MANY_SLOTS     (PAGE_SIZE / BLOCK_SECTOR_SIZE)
#define ODD_OFFSET     1    /* a buffer no bus master reaches (odd address) */
#define NOISE          0x5a /* what a segment holds before a read into it */
#define RAM_VEC_SECTOR 5    /* a run starting mid-page of the RAM disk */

_Static_assert(MANY_FRAMES *MANY_SLOTS >= MANY_SEGS, "every segment has a slot");

/* seg_sectors: the sectors the NSEG segments SEGS stand for. */
static uint32_t seg_sectors(const struct block_seg *segs, uint32_t nseg)
{
    size_t bytes = 0;
    for (uint32_t i = 0; i < nseg; i++)
        bytes += segs[i].len;
    return (uint32_t)(bytes / BLOCK_SECTOR_SIZE);
}

/* scatter: copy FLAT (as long as the segments together) into SEGS; gather
 * does the reverse. */
static void scatter(const struct block_seg *segs, uint32_t nseg, const uint8_t *flat)
{
    for (uint32_t i = 0; i < nseg; flat += segs[i].len, i++)
        memcpy(segs[i].buf, flat, segs[i].len);
}

static void gather(const struct block_seg *segs, uint32_t nseg, uint8_t *flat)
{
    for (uint32_t i = 0; i < nseg; flat += segs[i].len, i++)
        memcpy(flat, segs[i].buf, segs[i].len);
}

/* vec_check: the pattern WANT written at SECTOR through SEGS
 * (block_writev) reads back the same by block_read (into GOT, as large);
 * a block_readv into SEGS, filled with noise first, gathers to the same. */
static bool vec_check(struct block_device *d, uint64_t sector, const struct block_seg *segs,
                      uint32_t nseg, const uint8_t *want, uint8_t *got)
{
    size_t bytes = SECS(seg_sectors(segs, nseg));
    scatter(segs, nseg, want);
    if (block_writev(d, sector, segs, nseg) < 0 ||
        block_read(d, sector, seg_sectors(segs, nseg), got) < 0 || memcmp(got, want, bytes) != 0)
        return false;
    for (uint32_t i = 0; i < nseg; i++)
        memset(segs[i].buf, NOISE, segs[i].len);
    if (block_readv(d, sector, segs, nseg) < 0)
        return false;
    gather(segs, nseg, got);
    return memcmp(got, want, bytes) == 0;
}

/* roundtrip_v: vec_check of the sectors at SECTOR that SEGS stand for,
 * with a pattern of SEED; the sectors are saved first and restored. */
static bool roundtrip_v(struct block_device *d, uint64_t sector, const struct block_seg *segs,
                        uint32_t nseg, unsigned seed)
{
    uint32_t count = seg_sectors(segs, nseg);
    uint8_t *save = kmalloc(SECS(count)), *want = kmalloc(SECS(count));
    uint8_t *got = kmalloc(SECS(count));
    bool ok = save && want && got && block_read(d, sector, count, save) == ERR_OK;
    if (ok) {
        fill(want, sector, count, seed);
        ok = vec_check(d, sector, segs, nseg, want, got);
        if (block_write(d, sector, count, save) < 0 || block_read(d, sector, count, got) < 0 ||
            memcmp(got, save, SECS(count)) != 0)
            ok = false;
    }
    kfree(got);
    kfree(want);
    kfree(save);
    return ok;
}

/* Segments of different lengths in every kind of buffer: mid-page and
 * across a page boundary in contiguous frames, in the kernel image, a
 * page-aligned frame of its own, the heap. */
KTEST(block, readv_mixed_buffers)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pa = pmm_alloc_contig(MIX_FRAMES), page = pmm_alloc();
    uint8_t *heap = kmalloc(SECS(MIX_HEAP));
    bool ok = pa && page && heap;
    if (ok) {
        uint8_t *f = phys_to_virt(pa);
        struct block_seg segs[] = {
            {f + SPAN_OFFSET, SECS(PAGE_SECTORS + 1)}, /* crosses into the next frame */
            {static_buf + MBR_ENTRY_SIZE, SECS(3)},    {phys_to_virt(page), SECS(PAGE_SECTORS)},
            {f + 2 * PAGE_SIZE + SECS(3), SECS(1)},    {heap + MBR_ENTRY_SIZE, SECS(MIX_HEAP - 1)},
        };
        ok = roundtrip_v(d, d->sector_count / 3 + 500, segs, sizeof segs / sizeof *segs, 5);
    }
    kfree(heap);
    if (page)
        pmm_free(page);
    if (pa)
        pmm_free_contig(pa, MIX_FRAMES);
    KT_ASSERT(ok);
}

/* free_frames: give back the N frames of PAS that were allocated. */
static void free_frames(const paddr_t *pas, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pas[i])
            pmm_free(pas[i]);
}

/* A run of 128 KiB into 32 separate frames (the page cache's largest
 * read-ahead) is one request to the device. */
KTEST(block, readv_scattered_pages_one_request)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pas[SCATTER_PAGES] = {0};
    struct block_seg segs[SCATTER_PAGES];
    bool ok = true;
    for (int i = 0; i < SCATTER_PAGES; i++) {
        pas[i] = pmm_alloc();
        ok = ok && pas[i];
        segs[i] = (struct block_seg){pas[i] ? phys_to_virt(pas[i]) : NULL, PAGE_SIZE};
    }
    ok = ok && roundtrip_v(d, d->sector_count / 2 + 64, segs, SCATTER_PAGES, 6);
    uint64_t before = d->requests;
    ok = ok && block_readv(d, d->sector_count / 2, segs, SCATTER_PAGES) == ERR_OK;
    ok = ok && d->requests == before + 1;
    free_frames(pas, SCATTER_PAGES);
    KT_ASSERT(ok);
}

/* Many one-sector segments, no two physically adjacent: more pieces than
 * a virtio request or a PRD table takes, so the driver splits the run. */
KTEST(block, readv_many_segments)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pas[MANY_FRAMES] = {0};
    struct block_seg *segs = kmalloc(MANY_SEGS * sizeof *segs);
    bool ok = segs != NULL;
    for (int i = 0; i < MANY_FRAMES && ok; i++)
        ok = (pas[i] = pmm_alloc()) != 0;
    for (int i = 0; i < MANY_SEGS && ok; i++) {
        uint8_t *frame = phys_to_virt(pas[i % MANY_FRAMES]);
        segs[i] = (struct block_seg){frame + SECS(i / MANY_FRAMES), BLOCK_SECTOR_SIZE};
    }
    ok = ok && roundtrip_v(d, d->sector_count / 4 + 1000, segs, MANY_SEGS, 7);
    free_frames(pas, MANY_FRAMES);
    kfree(segs);
    KT_ASSERT(ok);
}

/* A segment at an odd address (IDE: no bus master reaches it, so PIO)
 * between two that DMA would reach. */
KTEST(block, readv_odd_address)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    paddr_t pa = pmm_alloc_contig(2);
    bool ok = pa != 0;
    if (ok) {
        uint8_t *f = phys_to_virt(pa);
        struct block_seg segs[] = {
            {f, SECS(2)},
            {static_buf + ODD_OFFSET, SECS(5)},
            {f + PAGE_SIZE + SECS(1), SECS(4)},
        };
        ok = roundtrip_v(d, d->sector_count / 3 + 700, segs, sizeof segs / sizeof *segs, 8);
    }
    if (pa)
        pmm_free_contig(pa, 2);
    KT_ASSERT(ok);
}

/* block_readv checks its segments and range like block_read, counts the
 * sectors of a partition's run on the partition and on its disk, and
 * moves nothing for no segment. */
KTEST(block, readv_checks)
{
    struct block_device *d = test_disk();
    if (!d)
        return;
    struct block_device *p = block_find_role(BLOCK_ROLE_FILESYS);
    KT_ASSERT(p);
    uint8_t *buf = kmalloc(SECS(4));
    KT_ASSERT(buf);
    struct block_seg two[] = {{buf, SECS(1)}, {buf + SECS(1), SECS(3)}};
    struct block_seg bad_len[] = {{buf, SECS(1)}, {buf + SECS(1), BLOCK_SECTOR_SIZE / 2}};
    struct block_seg empty[] = {{buf, SECS(1)}, {buf + SECS(1), 0}};
    struct block_seg no_buf[] = {{buf, SECS(1)}, {NULL, SECS(1)}};
    uint64_t dr = d->reads, pr = p->reads;
    bool ok = block_readv(p, 2, two, 2) == ERR_OK && p->reads == pr + 4 && d->reads == dr + 4;
    ok = ok && block_readv(d, d->sector_count - 3, two, 2) == ERR_INVALID &&
         block_readv(p, p->sector_count - 4, two, 2) == ERR_OK &&
         block_readv(p, p->sector_count - 3, two, 2) == ERR_INVALID &&
         block_readv(d, UINT64_MAX - 1, two, 2) == ERR_INVALID &&
         block_readv(d, 1, bad_len, 2) == ERR_INVALID &&
         block_readv(d, 1, empty, 2) == ERR_INVALID &&
         block_readv(d, 1, no_buf, 2) == ERR_INVALID && block_readv(d, 1, NULL, 1) == ERR_INVALID &&
         block_readv(NULL, 1, two, 2) == ERR_INVALID &&
         block_writev(d, d->sector_count, two, 1) == ERR_INVALID;
    uint64_t before = d->reads;
    ok = ok && block_readv(d, 1, two, 0) == ERR_OK && d->reads == before;
    kfree(buf);
    KT_ASSERT(ok);
}

/* The RAM disk's vectored transfers: a run from mid-page of the disk over
 * several of its pages, into segments of different lengths. */
KTEST(block, readv_ramdisk)
{
    struct block_device *rd;
    KT_ASSERT(ramdisk_create(4 * PAGE_SECTORS, &rd) == ERR_OK);
    paddr_t pa = pmm_alloc_contig(2);
    uint8_t *heap = kmalloc(SECS(PAGE_SECTORS));
    bool ok = pa && heap;
    if (ok) {
        uint8_t *f = phys_to_virt(pa);
        struct block_seg segs[] = {
            {f + SPAN_OFFSET, SECS(PAGE_SECTORS + 2)},
            {heap, SECS(PAGE_SECTORS)},
            {static_buf + ODD_OFFSET, SECS(3)},
        };
        ok = roundtrip_v(rd, RAM_VEC_SECTOR, segs, sizeof segs / sizeof *segs, 9);
    }
    kfree(heap);
    if (pa)
        pmm_free_contig(pa, 2);
    ramdisk_destroy(rd);
    KT_ASSERT(ok);
}
