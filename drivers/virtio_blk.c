/* virtio-blk over PCI, two transports behind a small ops table:
 *   legacy (1af4:1001, virtio 0.9.5): registers in I/O BAR0;
 *   modern (1af4:1042, virtio 1.0): common/notify/ISR/device-config
 *     structures found through vendor capabilities in PCI config space, in
 *     memory BARs reached through the direct map (so only BARs below the
 *     end of the direct map, max(RAM, 4 GiB), are supported).
 * Features: VIRTIO_F_VERSION_1 (modern), and VIRTIO_BLK_F_FLUSH when the
 * device offers it: then the device may cache writes (QEMU's default
 * writeback cache instead of a host sync after every write) and
 * block_flush sends a FLUSH request. Nothing else.
 *
 * One virtqueue of N descriptors (N chosen by the device) lives in
 * physically contiguous, page-aligned frames in the legacy layout:
 *
 *   desc[N] (16 B each) | avail {flags, idx, ring[N]} | pad to 4 KiB |
 *   used {flags, idx, ring[N] of {id, len}}
 *
 * A request is a descriptor chain: the 16-byte header (type, sector), one
 * descriptor per physically contiguous piece of the caller's buffer or
 * list of buffers (block_readv: found page by page with virt_to_phys, so
 * the device DMAs straight into them), and
 * the one-byte status the device writes. Headers and status bytes live in
 * a per-device DMA area indexed by the chain's head descriptor.
 *
 * Concurrency: vblk->lock (a sleeping lock) guards the free-descriptor list
 * and the avail ring. A thread takes descriptors (waiting on vblk->space
 * while too few are free), fills the chain, publishes its head in the avail
 * ring, notifies, drops the lock and sleeps on its own semaphore; so many
 * requests are in flight at once. The IRQ handler (shared by every virtio
 * disk on the same PCI interrupt line) reads the ISR register, which
 * acknowledges the level-triggered interrupt, walks the used ring from
 * last_used and ups the semaphore registered for each completed head. The
 * woken thread reads its status and returns the chain to the free list.
 * Large transfers are split into requests of at most VBLK_MAX_SECTORS and
 * max_data_descs data descriptors (vblk_plan: VBLK_MAX_DATA_DESCS, fewer
 * on a queue too small for that).
 *
 * No hang: a thread waits at most BLOCK_TIMEOUT_TICKS for its request.
 * Then it resets the device, which drops every request it holds, fails
 * every request in flight with ERR_IO (those it completed before the reset
 * keep their status), and initialises it again with the same queue; the
 * next request runs as usual. A device that does not come back is marked
 * FAILED and out of service: later requests fail at once with ERR_IO. */
#include "drivers/block.h"
#include "drivers/pci.h"
#include "drivers/virtio_blk.h"
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/pic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"

#define VIRTIO_VENDOR            0x1af4
#define VIRTIO_BLK_LEGACY_DEVICE 0x1001
#define VIRTIO_BLK_MODERN_DEVICE 0x1042

/* Legacy register offsets in BAR0 (no MSI-X). */
#define VIRTIO_REG_DEVICE_FEATURES 0x00
#define VIRTIO_REG_GUEST_FEATURES  0x04
#define VIRTIO_REG_QUEUE_ADDRESS   0x08
#define VIRTIO_REG_QUEUE_SIZE      0x0c
#define VIRTIO_REG_QUEUE_SELECT    0x0e
#define VIRTIO_REG_QUEUE_NOTIFY    0x10
#define VIRTIO_REG_DEVICE_STATUS   0x12
#define VIRTIO_REG_ISR_STATUS      0x13
#define VIRTIO_REG_CONFIG          0x14
#define VIRTIO_LEGACY_QUEUE_ALIGN  PAGE_SIZE

/* Device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE 1
#define VIRTIO_STATUS_DRIVER      2
#define VIRTIO_STATUS_DRIVER_OK   4
#define VIRTIO_STATUS_FEATURES_OK 8
#define VIRTIO_STATUS_FAILED      128

#define VIRTIO_ISR_QUEUE 1

/* Modern transport: vendor capabilities and the common configuration. */
#define PCI_CAP_ID_VENDOR       0x09
#define VIRTIO_CAP_CFG_TYPE     3
#define VIRTIO_CAP_BAR          4
#define VIRTIO_CAP_OFFSET       8
#define VIRTIO_CAP_NOTIFY_MULT  16
#define VIRTIO_PCI_CAP_COMMON   1
#define VIRTIO_PCI_CAP_NOTIFY   2
#define VIRTIO_PCI_CAP_ISR      3
#define VIRTIO_PCI_CAP_DEVICE   4
#define VIRTIO_COMMON_DFSELECT  0x00
#define VIRTIO_COMMON_DF        0x04
#define VIRTIO_COMMON_GFSELECT  0x08
#define VIRTIO_COMMON_GF        0x0c
#define VIRTIO_COMMON_STATUS    0x14
#define VIRTIO_COMMON_Q_SELECT  0x16
#define VIRTIO_COMMON_Q_SIZE    0x18
#define VIRTIO_COMMON_Q_ENABLE  0x1c
#define VIRTIO_COMMON_Q_NOFF    0x1e
#define VIRTIO_COMMON_Q_DESC    0x20
#define VIRTIO_COMMON_Q_AVAIL   0x28
#define VIRTIO_COMMON_Q_USED    0x30
#define VIRTIO_F_VERSION_1_WORD 1 /* feature bit 32: bit 0 of word 1 */
#define VIRTIO_F_VERSION_1_BIT  1u
#define VIRTIO_BLK_F_FLUSH_BIT  (1u << 9) /* in word 0: the device has a write cache */
#define VIRTIO_RESET_POLLS      100000
#define DIRECT_MAP_MIN_END      (4ull << 30)

/* Descriptor flags. */
#define VRING_DESC_F_NEXT  1
#define VRING_DESC_F_WRITE 2

/* Request types and status. */
#define VIRTIO_BLK_T_IN         0
#define VIRTIO_BLK_T_OUT        1
#define VIRTIO_BLK_T_FLUSH      4
#define VIRTIO_BLK_S_OK         0
#define VIRTIO_BLK_S_PENDING    0xff /* our marker: the device has not answered yet */
#define VIRTIO_BLK_CFG_CAPACITY 0    /* u64 in device config */

#define VBLK_MAX_SECTORS    512 /* per request: 256 KiB (a whole read-ahead window), 65 pages */
#define VBLK_MAX_DATA_DESCS (VBLK_MAX_SECTORS * BLOCK_SECTOR_SIZE / PAGE_SIZE + 1)
#define VBLK_MIN_DATA_DESCS 2 /* a sector lies in two pieces at most */
#define VBLK_HDR_DESCS      2 /* header + status */
#define VBLK_MAX_DEVICES    8
#define VBLK_NO_DESC        0xffff

struct vring_desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
};

struct vring_avail {
    uint16_t flags;
    uint16_t idx;
    uint16_t ring[];
};

struct vring_used_elem {
    uint32_t id;
    uint32_t len;
};

struct vring_used {
    uint16_t flags;
    uint16_t idx;
    struct vring_used_elem ring[];
};

struct virtio_blk_hdr {
    uint32_t type;
    uint32_t reserved;
    uint64_t sector;
};

struct vblk;

/* The transport: how the driver reaches the device's registers. */
struct vblk_transport {
    const char *name;
    uint8_t (*get_status)(struct vblk *v);
    void (*set_status)(struct vblk *v, uint8_t status);
    int (*negotiate)(struct vblk *v); /* write the driver features */
    uint16_t (*queue_size)(struct vblk *v);
    void (*queue_set)(struct vblk *v, paddr_t desc, paddr_t avail, paddr_t used);
    void (*notify)(struct vblk *v);
    uint8_t (*isr)(struct vblk *v); /* read (and so acknowledge) the ISR */
    uint64_t (*capacity)(struct vblk *v);
};

struct vblk {
    struct block_device bdev;
    struct pci_device *pci;
    const struct vblk_transport *tr;
    uint16_t io;                                               /* legacy: I/O BAR0 */
    volatile uint8_t *common, *isr_reg, *devcfg, *notify_base; /* modern: MMIO */
    volatile uint8_t *notify_reg; /* modern: queue 0's notify address */
    uint8_t notify_mult_cap;      /* modern: config offset of the notify cap */
    uint8_t irq;
    uint16_t qsize;
    uint16_t max_data_descs; /* per request: VBLK_MAX_DATA_DESCS, or what the queue leaves */
    struct vring_desc *desc;
    struct vring_avail *avail;
    volatile struct vring_used *used;
    struct virtio_blk_hdr *hdrs; /* [qsize], DMA area, by head descriptor */
    volatile uint8_t *status;    /* [qsize], DMA area */
    struct semaphore **waiters;  /* [qsize]: sema of the request at head */
    uint16_t last_used;          /* IRQ handler only */
    struct lock lock;            /* guards the free list and avail ring */
    struct condvar space;        /* signalled when descriptors are freed */
    uint16_t free_head, num_free;
    unsigned in_flight, max_in_flight;
    paddr_t queue_pa;  /* the ring frames, kept across a reset */
    bool failed;       /* a reset did not bring it back: requests fail */
    bool flush;        /* VIRTIO_BLK_F_FLUSH negotiated: writes are cached */
    bool refusal_told; /* "out of service" printed once */
};

static struct vblk *vblk_devices[VBLK_MAX_DEVICES];
static int vblk_count;

#define barrier() __asm__ volatile("" ::: "memory")

/* vblk_queue_bytes: size of the legacy ring layout for QSIZE entries. */
static size_t vblk_used_offset(uint16_t qsize)
{
    size_t avail_end = sizeof(struct vring_desc) * qsize + sizeof(struct vring_avail) +
                       sizeof(uint16_t) * (qsize + 1);
    return PAGE_ROUND_UP(avail_end);
}

static size_t vblk_queue_bytes(uint16_t qsize)
{
    return vblk_used_offset(qsize) +
           PAGE_ROUND_UP(sizeof(struct vring_used) + sizeof(struct vring_used_elem) * qsize +
                         sizeof(uint16_t));
}

/* vblk_dma_bytes: headers and status bytes for QSIZE requests. */
static size_t vblk_dma_bytes(uint16_t qsize)
{
    return PAGE_ROUND_UP((sizeof(struct virtio_blk_hdr) + 1) * qsize);
}

/* vblk_reap: wake the threads whose requests V has completed (used ring
 * from last_used on). Interrupts off. */
static void vblk_reap(struct vblk *v)
{
    while (v->last_used != v->used->idx) {
        barrier();
        uint32_t id = v->used->ring[v->last_used % v->qsize].id;
        if (id < v->qsize && v->waiters[id]) {
            sema_up(v->waiters[id]);
            v->waiters[id] = NULL;
        }
        v->last_used++;
    }
}

/* vblk_irq: acknowledge every virtio disk on this line and wake the
 * threads whose requests the device has completed. */
static void vblk_irq(struct trap_frame *tf)
{
    unsigned irq = tf->vector - VEC_IRQ_BASE;
    for (int i = 0; i < vblk_count; i++) {
        struct vblk *v = vblk_devices[i];
        if (v->irq == irq && (v->tr->isr(v) & VIRTIO_ISR_QUEUE))
            vblk_reap(v);
    }
}

/* vblk_alloc_desc: take a descriptor off the free list; lock held and one
 * known to be free. */
static uint16_t vblk_alloc_desc(struct vblk *v)
{
    uint16_t d = v->free_head;
    v->free_head = v->desc[d].next;
    v->num_free--;
    return d;
}

/* vblk_free_chain: return the chain starting at HEAD; lock held. */
static void vblk_free_chain(struct vblk *v, uint16_t head)
{
    uint16_t d = head;
    for (;;) {
        bool more = v->desc[d].flags & VRING_DESC_F_NEXT;
        uint16_t next = v->desc[d].next;
        v->desc[d].flags = 0;
        v->desc[d].next = v->free_head;
        v->free_head = d;
        v->num_free++;
        if (!more)
            break;
        d = next;
    }
    cond_broadcast(&v->space, &v->lock);
}

/* vblk_link: make a descriptor after PREV (or HEAD-less first) for
 * [PA, PA+LEN) with FLAGS; returns it. Lock held. */
static uint16_t vblk_link(struct vblk *v, uint16_t prev, paddr_t pa, uint32_t len, uint16_t flags)
{
    uint16_t d = vblk_alloc_desc(v);
    v->desc[d].addr = pa;
    v->desc[d].len = len;
    v->desc[d].flags = flags;
    if (prev != VBLK_NO_DESC) {
        v->desc[prev].flags |= VRING_DESC_F_NEXT;
        v->desc[prev].next = d;
    }
    return d;
}

/* One request: its virtio-blk type, first sector, sectors (0 for a
 * flush), where its data starts in the caller's segments, and how many
 * descriptors its chain takes at most (vblk_plan). */
struct vblk_req {
    uint32_t type;
    uint64_t sector;
    uint32_t count;
    struct block_cursor at;
    int descs;
};

/* vblk_req_name: what request type TYPE does, for messages. */
static const char *vblk_req_name(uint32_t type)
{
    return type == VIRTIO_BLK_T_IN ? "read" : type == VIRTIO_BLK_T_OUT ? "write" : "cache flush";
}

/* vblk_plan: the sectors of the next request of a transfer whose data
 * starts at AT, LEFT sectors remaining: at most VBLK_MAX_SECTORS, and as
 * many as MAX_DESCS (at least VBLK_MIN_DATA_DESCS) descriptors hold, one
 * per physically contiguous piece (at least half as many sectors: a
 * sector is at most two pieces).
 * *DESCS gets the descriptors its chain takes at most. */
static uint32_t vblk_plan(struct block_cursor at, uint64_t left, int max_descs, int *descs)
{
    size_t max = (size_t)(left < VBLK_MAX_SECTORS ? left : VBLK_MAX_SECTORS) * BLOCK_SECTOR_SIZE;
    size_t bytes = 0;
    paddr_t end = 0;
    int n = 0;
    while (bytes < max) {
        uint8_t *p;
        size_t piece = block_cursor_piece(&at, max - bytes, &p);
        paddr_t pa = virt_to_phys(p);
        bool extends = n > 0 && pa == end; /* physically contiguous with the last */
        if (!extends && n == max_descs)
            break;
        n += !extends;
        end = pa + piece;
        bytes += piece;
        block_cursor_advance(&at, piece);
    }
    *descs = n + VBLK_HDR_DESCS;
    return (uint32_t)(bytes / BLOCK_SECTOR_SIZE);
}

/* vblk_build_chain: header, data pieces, status for request R; lock held,
 * enough descriptors free. Returns the head. */
static uint16_t vblk_build_chain(struct vblk *v, const struct vblk_req *r)
{
    uint16_t head = vblk_link(v, VBLK_NO_DESC, 0, sizeof(struct virtio_blk_hdr), 0);
    v->hdrs[head] = (struct virtio_blk_hdr){r->type, 0, r->sector};
    v->desc[head].addr = virt_to_phys(&v->hdrs[head]);
    uint16_t last = head, data_flags = r->type == VIRTIO_BLK_T_IN ? VRING_DESC_F_WRITE : 0;
    struct block_cursor at = r->at;
    size_t len = (size_t)r->count * BLOCK_SECTOR_SIZE;
    paddr_t end = 0;
    while (len) {
        uint8_t *p;
        size_t piece = block_cursor_piece(&at, len, &p);
        paddr_t pa = virt_to_phys(p);
        if (last != head && pa == end)
            v->desc[last].len += piece; /* physically contiguous: extend */
        else
            last = vblk_link(v, last, pa, piece, data_flags);
        end = pa + piece;
        block_cursor_advance(&at, piece);
        len -= piece;
    }
    v->status[head] = VIRTIO_BLK_S_PENDING;
    vblk_link(v, last, virt_to_phys((const void *)&v->status[head]), 1, VRING_DESC_F_WRITE);
    return head;
}

static int vblk_reset(struct vblk *v);
static int vblk_restart(struct vblk *v);

/* vblk_recover_locked: request R of V got no answer within
 * BLOCK_TIMEOUT_TICKS: reset the device (virtio 1.x, "Device Reset": it
 * drops every request it holds and uses no buffer after it), wake every
 * thread with a request in flight (those the device completed before the
 * reset with their status, the others with ERR_IO: their status stays
 * pending), and initialise the device again; if that fails, it is out of
 * service. Lock held. */
static void vblk_recover_locked(struct vblk *v, const struct vblk_req *r)
{
    printf("virtio-blk: %s: %s of %u sectors at %lu: no completion within %u ticks; resetting "
           "the device\n",
           v->bdev.name, vblk_req_name(r->type), r->count, r->sector, BLOCK_TIMEOUT_TICKS);
    uint64_t f = irq_save();
    int err = vblk_reset(v); /* once the status reads 0, no buffer is in use */
    vblk_reap(v);
    for (uint16_t i = 0; i < v->qsize; i++) {
        if (v->waiters[i])
            sema_up(v->waiters[i]);
        v->waiters[i] = NULL;
    }
    if (err < 0 || vblk_restart(v) < 0) {
        v->tr->set_status(v, VIRTIO_STATUS_FAILED);
        v->failed = true;
        printf("virtio-blk: %s: the device did not come back from its reset; out of service\n",
               v->bdev.name);
    }
    irq_restore(f);
}

/* vblk_refuse: a request for V, out of service: ERR_IO, said once. */
static int vblk_refuse(struct vblk *v)
{
    if (!v->refusal_told)
        printf("virtio-blk: %s: device out of service; requests fail\n", v->bdev.name);
    v->refusal_told = true;
    return ERR_IO;
}

/* vblk_wait: sleep until request R, whose completion ups DONE, ends, at
 * most BLOCK_TIMEOUT_TICKS; then take V's lock. True if it completed in
 * time; false if the device was reset (vblk_recover_locked). */
static bool vblk_wait(struct vblk *v, struct semaphore *done, const struct vblk_req *r)
{
    bool in_time = sema_down_timeout(done, BLOCK_TIMEOUT_TICKS);
    lock_acquire(&v->lock);
    if (in_time || sema_try_down(done))
        return true; /* completed, or failed by another thread's reset */
    vblk_recover_locked(v, r);
    sema_down(done); /* upped by the reset */
    return false;
}

/* vblk_request: request R (planned by vblk_plan); sleeps until the
 * device completes it. ERR_IO if the device reports an error, does not
 * answer in time, or is out of service. */
static int vblk_request(struct vblk *v, const struct vblk_req *r)
{
    struct semaphore done;
    sema_init(&done, 0);
    lock_acquire(&v->lock);
    while (v->num_free < r->descs && !v->failed)
        cond_wait(&v->space, &v->lock);
    if (v->failed) {
        lock_release(&v->lock);
        return vblk_refuse(v);
    }
    uint16_t head = vblk_build_chain(v, r);
    v->bdev.requests++;
    v->waiters[head] = &done;
    v->avail->ring[v->avail->idx % v->qsize] = head;
    barrier();
    v->avail->idx++;
    barrier();
    if (++v->in_flight > v->max_in_flight)
        v->max_in_flight = v->in_flight;
    v->tr->notify(v);
    lock_release(&v->lock);
    bool in_time = vblk_wait(v, &done, r);
    int err = in_time && v->status[head] == VIRTIO_BLK_S_OK ? ERR_OK : ERR_IO;
    if (in_time && err < 0 && kernel_cmdline.verbose)
        printf("virtio-blk: %s: %s of %u sectors at %lu failed: status %u\n", v->bdev.name,
               vblk_req_name(r->type), r->count, r->sector, v->status[head]);
    v->in_flight--;
    vblk_free_chain(v, head);
    lock_release(&v->lock);
    return err;
}

/* vblk_transfer: the sectors from SECTOR on to or from the NSEG segments
 * SEGS (TYPE IN or OUT), as few requests as vblk_plan allows. */
static int vblk_transfer(struct block_device *bdev, uint32_t type, uint64_t sector,
                         const struct block_seg *segs, uint32_t nseg)
{
    struct vblk *v = bdev->priv;
    uint64_t left = block_seg_sectors(segs, nseg);
    int err = ERR_OK;
    for (struct block_cursor at = {segs, 0}; left && err == ERR_OK;) {
        struct vblk_req r = {type, sector, 0, at, 0};
        r.count = vblk_plan(at, left, v->max_data_descs, &r.descs);
        err = vblk_request(v, &r);
        sector += r.count, left -= r.count;
        block_cursor_advance(&at, (size_t)r.count * BLOCK_SECTOR_SIZE);
    }
    return err;
}

static int vblk_readv(struct block_device *bdev, uint64_t sector, const struct block_seg *segs,
                      uint32_t nseg)
{
    return vblk_transfer(bdev, VIRTIO_BLK_T_IN, sector, segs, nseg);
}

static int vblk_writev(struct block_device *bdev, uint64_t sector, const struct block_seg *segs,
                       uint32_t nseg)
{
    return vblk_transfer(bdev, VIRTIO_BLK_T_OUT, sector, segs, nseg);
}

/* vblk_flush: a FLUSH request (virtio 1.x, "Device Operation" of the
 * block device) if the device has a write cache (VIRTIO_BLK_F_FLUSH was
 * negotiated); without it every write is durable already. */
static int vblk_flush(struct block_device *bdev)
{
    struct vblk *v = bdev->priv;
    if (!v->flush)
        return ERR_OK;
    return vblk_request(v, &(struct vblk_req){VIRTIO_BLK_T_FLUSH, 0, 0, {NULL, 0}, VBLK_HDR_DESCS});
}

static const struct block_ops vblk_ops = {
    .readv = vblk_readv, .writev = vblk_writev, .flush = vblk_flush};

/* ---- legacy transport: registers in I/O BAR0 ---- */

static uint8_t legacy_get_status(struct vblk *v)
{
    return inb(v->io + VIRTIO_REG_DEVICE_STATUS);
}
static void legacy_set_status(struct vblk *v, uint8_t s)
{
    outb(v->io + VIRTIO_REG_DEVICE_STATUS, s);
}
static uint16_t legacy_queue_size(struct vblk *v)
{
    return inw(v->io + VIRTIO_REG_QUEUE_SIZE);
}
static void legacy_notify(struct vblk *v)
{
    outw(v->io + VIRTIO_REG_QUEUE_NOTIFY, 0);
}
static uint8_t legacy_isr(struct vblk *v)
{
    return inb(v->io + VIRTIO_REG_ISR_STATUS);
}

/* legacy_negotiate: accept VIRTIO_BLK_F_FLUSH if offered; select queue 0. */
static int legacy_negotiate(struct vblk *v)
{
    uint32_t want = inl(v->io + VIRTIO_REG_DEVICE_FEATURES) & VIRTIO_BLK_F_FLUSH_BIT;
    outl(v->io + VIRTIO_REG_GUEST_FEATURES, want);
    v->flush = want != 0;
    outw(v->io + VIRTIO_REG_QUEUE_SELECT, 0);
    return ERR_OK;
}

/* legacy_queue_set: the legacy layout is implied by the page number. */
static void legacy_queue_set(struct vblk *v, paddr_t desc, paddr_t avail, paddr_t used)
{
    outl(v->io + VIRTIO_REG_QUEUE_ADDRESS, desc / VIRTIO_LEGACY_QUEUE_ALIGN);
}

static uint64_t legacy_capacity(struct vblk *v)
{
    uint16_t cfg = v->io + VIRTIO_REG_CONFIG + VIRTIO_BLK_CFG_CAPACITY;
    return inl(cfg) | (uint64_t)inl(cfg + 4) << 32;
}

static const struct vblk_transport legacy_transport = {
    "legacy",         legacy_get_status, legacy_set_status, legacy_negotiate, legacy_queue_size,
    legacy_queue_set, legacy_notify,     legacy_isr,        legacy_capacity,
};

/* ---- modern transport: structures in memory BARs ---- */

#define MMIO8(base, off)  (*(volatile uint8_t *)((base) + (off)))
#define MMIO16(base, off) (*(volatile uint16_t *)((base) + (off)))
#define MMIO32(base, off) (*(volatile uint32_t *)((base) + (off)))

static uint8_t modern_get_status(struct vblk *v)
{
    return MMIO8(v->common, VIRTIO_COMMON_STATUS);
}
static void modern_set_status(struct vblk *v, uint8_t s)
{
    MMIO8(v->common, VIRTIO_COMMON_STATUS) = s;
}
static uint16_t modern_queue_size(struct vblk *v)
{
    return MMIO16(v->common, VIRTIO_COMMON_Q_SIZE);
}
static void modern_notify(struct vblk *v)
{
    *(volatile uint16_t *)v->notify_reg = 0;
}
static uint8_t modern_isr(struct vblk *v)
{
    return *v->isr_reg;
}

static void modern_write64(struct vblk *v, unsigned off, uint64_t x)
{
    MMIO32(v->common, off) = (uint32_t)x;
    MMIO32(v->common, off + 4) = (uint32_t)(x >> 32);
}

/* modern_negotiate: accept VIRTIO_F_VERSION_1 and VIRTIO_BLK_F_FLUSH if
 * offered; ERR_UNSUPPORTED if the device does not offer VERSION_1 or
 * refuses FEATURES_OK. Selects queue 0. */
static int modern_negotiate(struct vblk *v)
{
    MMIO32(v->common, VIRTIO_COMMON_DFSELECT) = VIRTIO_F_VERSION_1_WORD;
    if (!(MMIO32(v->common, VIRTIO_COMMON_DF) & VIRTIO_F_VERSION_1_BIT))
        return ERR_UNSUPPORTED;
    MMIO32(v->common, VIRTIO_COMMON_DFSELECT) = 0;
    uint32_t want = MMIO32(v->common, VIRTIO_COMMON_DF) & VIRTIO_BLK_F_FLUSH_BIT;
    MMIO32(v->common, VIRTIO_COMMON_GFSELECT) = 0;
    MMIO32(v->common, VIRTIO_COMMON_GF) = want;
    v->flush = want != 0;
    MMIO32(v->common, VIRTIO_COMMON_GFSELECT) = VIRTIO_F_VERSION_1_WORD;
    MMIO32(v->common, VIRTIO_COMMON_GF) = VIRTIO_F_VERSION_1_BIT;
    uint8_t s = modern_get_status(v) | VIRTIO_STATUS_FEATURES_OK;
    modern_set_status(v, s);
    if (!(modern_get_status(v) & VIRTIO_STATUS_FEATURES_OK))
        return ERR_UNSUPPORTED;
    MMIO16(v->common, VIRTIO_COMMON_Q_SELECT) = 0;
    return ERR_OK;
}

/* modern_queue_set: the three ring addresses and the queue's notify
 * address (in the notify structure, at the queue's offset times the
 * capability's multiplier). */
static void modern_queue_set(struct vblk *v, paddr_t desc, paddr_t avail, paddr_t used)
{
    modern_write64(v, VIRTIO_COMMON_Q_DESC, desc);
    modern_write64(v, VIRTIO_COMMON_Q_AVAIL, avail);
    modern_write64(v, VIRTIO_COMMON_Q_USED, used);
    uint32_t mult = pci_read32(v->pci, v->notify_mult_cap + VIRTIO_CAP_NOTIFY_MULT);
    v->notify_reg = v->notify_base + (size_t)MMIO16(v->common, VIRTIO_COMMON_Q_NOFF) * mult;
    MMIO16(v->common, VIRTIO_COMMON_Q_ENABLE) = 1;
}

static uint64_t modern_capacity(struct vblk *v)
{
    return MMIO32(v->devcfg, VIRTIO_BLK_CFG_CAPACITY) |
           (uint64_t)MMIO32(v->devcfg, VIRTIO_BLK_CFG_CAPACITY + 4) << 32;
}

static const struct vblk_transport modern_transport = {
    "modern",         modern_get_status, modern_set_status, modern_negotiate, modern_queue_size,
    modern_queue_set, modern_notify,     modern_isr,        modern_capacity,
};

/* modern_map_cap: the direct-map address of the structure the vendor
 * capability at config offset CAP describes, or NULL if its BAR is not a
 * memory BAR inside the direct map. */
static volatile uint8_t *modern_map_cap(struct vblk *v, uint8_t cap)
{
    uint8_t bar = pci_read8(v->pci, cap + VIRTIO_CAP_BAR);
    if (bar >= PCI_MAX_BARS || v->pci->bar[bar].type != PCI_BAR_MEM)
        return NULL;
    uint64_t end = pmm_max_phys() > DIRECT_MAP_MIN_END ? pmm_max_phys() : DIRECT_MAP_MIN_END;
    const struct pci_bar *b = &v->pci->bar[bar];
    if (b->base == 0 || b->base + b->size > end)
        return NULL;
    return phys_to_virt(b->base + pci_read32(v->pci, cap + VIRTIO_CAP_OFFSET));
}

/* modern_find_caps: locate the common, notify, ISR and device structures. */
static int modern_find_caps(struct vblk *v)
{
    for (uint8_t cap = pci_find_capability(v->pci, PCI_CAP_ID_VENDOR, 0); cap;
         cap = pci_find_capability(v->pci, PCI_CAP_ID_VENDOR, cap)) {
        uint8_t type = pci_read8(v->pci, cap + VIRTIO_CAP_CFG_TYPE);
        volatile uint8_t **slot = type == VIRTIO_PCI_CAP_COMMON   ? &v->common
                                  : type == VIRTIO_PCI_CAP_NOTIFY ? &v->notify_base
                                  : type == VIRTIO_PCI_CAP_ISR    ? &v->isr_reg
                                  : type == VIRTIO_PCI_CAP_DEVICE ? &v->devcfg
                                                                  : NULL;
        if (!slot || *slot)
            continue; /* PCI-config access cap, or a later duplicate */
        *slot = modern_map_cap(v, cap);
        if (type == VIRTIO_PCI_CAP_NOTIFY)
            v->notify_mult_cap = cap;
    }
    return v->common && v->notify_base && v->isr_reg && v->devcfg ? ERR_OK : ERR_UNSUPPORTED;
}

/* ---- common bring-up ---- */

/* vblk_give_queue: hand queue 0 (allocated) to the device, its rings
 * empty: nothing available, nothing used. The descriptors stay as they
 * are (a reset leaves the chains of waiting threads to them). */
static void vblk_give_queue(struct vblk *v)
{
    v->avail->flags = v->avail->idx = 0;
    v->used->flags = v->used->idx = 0;
    v->last_used = 0;
    v->tr->queue_set(v, v->queue_pa, virt_to_phys(v->avail),
                     v->queue_pa + vblk_used_offset(v->qsize));
}

/* vblk_setup_queue: allocate queue 0 and give it to the device;
 * ERR_NO_MEMORY or ERR_UNSUPPORTED (no usable queue). */
static int vblk_setup_queue(struct vblk *v)
{
    v->qsize = v->tr->queue_size(v);
    if (v->qsize < VBLK_MIN_DATA_DESCS + VBLK_HDR_DESCS)
        return ERR_UNSUPPORTED;
    v->max_data_descs = v->qsize - VBLK_HDR_DESCS < VBLK_MAX_DATA_DESCS ? v->qsize - VBLK_HDR_DESCS
                                                                        : VBLK_MAX_DATA_DESCS;
    size_t qpages = vblk_queue_bytes(v->qsize) / PAGE_SIZE;
    size_t dpages = vblk_dma_bytes(v->qsize) / PAGE_SIZE;
    paddr_t q = pmm_alloc_contig(qpages), dma = pmm_alloc_contig(dpages);
    v->waiters = kzalloc(sizeof *v->waiters * v->qsize);
    if (!q || !dma || !v->waiters) {
        if (q)
            pmm_free_contig(q, qpages);
        if (dma)
            pmm_free_contig(dma, dpages);
        kfree(v->waiters);
        return ERR_NO_MEMORY;
    }
    memset(phys_to_virt(q), 0, qpages * PAGE_SIZE);
    v->queue_pa = q;
    v->desc = phys_to_virt(q);
    v->avail = (struct vring_avail *)(v->desc + v->qsize);
    v->used = phys_to_virt(q + vblk_used_offset(v->qsize));
    v->hdrs = phys_to_virt(dma);
    v->status = (uint8_t *)(v->hdrs + v->qsize);
    for (uint16_t i = 0; i < v->qsize; i++)
        v->desc[i].next = i + 1 < v->qsize ? i + 1 : VBLK_NO_DESC;
    v->free_head = 0;
    v->num_free = v->qsize;
    vblk_give_queue(v);
    return ERR_OK;
}

/* vblk_reset: write 0 to the status and wait (bounded) until it reads 0. */
static int vblk_reset(struct vblk *v)
{
    v->tr->set_status(v, 0);
    for (int i = 0; i < VIRTIO_RESET_POLLS; i++)
        if (v->tr->get_status(v) == 0)
            return ERR_OK;
    return ERR_TIMEOUT;
}

/* vblk_handshake: reset V and take it to the point where its queue is
 * set up (virtio 1.x 3.1.1, "Driver Requirements: Device
 * Initialization", steps 1-6): reset, ACKNOWLEDGE, DRIVER, features. */
static int vblk_handshake(struct vblk *v)
{
    int err = vblk_reset(v);
    if (err < 0)
        return err;
    v->tr->set_status(v, VIRTIO_STATUS_ACKNOWLEDGE);
    v->tr->set_status(v, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    return v->tr->negotiate(v);
}

/* vblk_driver_ok: the driver is ready (step 8). */
static void vblk_driver_ok(struct vblk *v)
{
    v->tr->set_status(v, v->tr->get_status(v) | VIRTIO_STATUS_DRIVER_OK);
}

/* vblk_restart: after a reset that dropped every request, initialise
 * V again with the queue it had. Interrupts off. */
static int vblk_restart(struct vblk *v)
{
    int err = vblk_handshake(v);
    if (err == ERR_OK && v->tr->queue_size(v) != v->qsize)
        err = ERR_UNSUPPORTED;
    if (err < 0)
        return err;
    vblk_give_queue(v);
    vblk_driver_ok(v);
    return ERR_OK;
}

/* vblk_start: reset and initialise device V (transport set up). */
static int vblk_start(struct vblk *v)
{
    int err = vblk_handshake(v);
    if (err == ERR_OK)
        err = vblk_setup_queue(v);
    if (err < 0) {
        v->tr->set_status(v, VIRTIO_STATUS_FAILED);
        return err;
    }
    lock_init(&v->lock);
    cond_init(&v->space);
    v->bdev.sector_count = v->tr->capacity(v);
    vblk_driver_ok(v);
    return ERR_OK;
}

/* vblk_irq_registered: true if another disk already took line IRQ. */
static bool vblk_irq_registered(uint8_t irq)
{
    for (int i = 0; i < vblk_count; i++)
        if (vblk_devices[i]->irq == irq)
            return true;
    return false;
}

/* vblk_transport_init: pick and set up the transport of V's function. */
static int vblk_transport_init(struct vblk *v)
{
    struct pci_device *p = v->pci;
    if (p->device == VIRTIO_BLK_LEGACY_DEVICE) {
        if (p->bar[0].type != PCI_BAR_IO)
            return ERR_UNSUPPORTED;
        v->tr = &legacy_transport;
        v->io = p->bar[0].base;
        pci_enable(p, PCI_CMD_IO | PCI_CMD_BUS_MASTER);
        return ERR_OK;
    }
    v->tr = &modern_transport;
    pci_enable(p, PCI_CMD_MEMORY | PCI_CMD_BUS_MASTER);
    return modern_find_caps(v);
}

/* vblk_add: bring up virtio-blk PCI function P as the next vdX. */
static void vblk_add(struct pci_device *p)
{
    if (vblk_count == VBLK_MAX_DEVICES || p->irq_line == PCI_IRQ_NONE)
        return;
    struct vblk *v = kzalloc(sizeof *v);
    if (!v)
        return;
    v->pci = p;
    v->irq = p->irq_line;
    int err = vblk_transport_init(v);
    if (err == ERR_OK)
        err = vblk_start(v);
    if (err < 0) {
        printf("virtio-blk: %02x:%02x.%x: %s\n", p->bus, p->dev, p->func, err_name(err));
        kfree(v);
        return;
    }
    snprintf(v->bdev.name, sizeof v->bdev.name, "vd%c", 'a' + vblk_count);
    v->bdev.role = BLOCK_ROLE_DISK;
    v->bdev.ops = &vblk_ops;
    v->bdev.priv = v;
    bool shared = vblk_irq_registered(v->irq);
    vblk_devices[vblk_count++] = v;
    if (!shared)
        irq_register(v->irq, vblk_irq);
    block_register(&v->bdev);
    if (kernel_cmdline.verbose)
        printf("virtio-blk: %s: %s, %lu sectors (%lu MiB), queue %u, irq %u\n", v->bdev.name,
               v->tr->name, v->bdev.sector_count, v->bdev.sector_count * BLOCK_SECTOR_SIZE >> 20,
               v->qsize, v->irq);
}

/* virtio_blk_matches: see virtio_blk.h. */
bool virtio_blk_matches(const struct pci_device *p)
{
    return p->vendor == VIRTIO_VENDOR &&
           (p->device == VIRTIO_BLK_LEGACY_DEVICE || p->device == VIRTIO_BLK_MODERN_DEVICE);
}

void virtio_blk_init(void)
{
    for (struct pci_device *p = pci_find(VIRTIO_VENDOR, PCI_ANY, NULL); p;
         p = pci_find(VIRTIO_VENDOR, PCI_ANY, p))
        if (virtio_blk_matches(p))
            vblk_add(p);
}
