/* Block-device layer: every disk and partition registers here. Drivers know
 * sectors; callers above (ext2, swap) address devices by sector number.
 * Transfers may sleep; call from thread context only. A request of many
 * sectors goes down whole: a driver splits it only where its hardware
 * limits say so, and moves it in as few commands as those allow. Every
 * request ends: a device that does not answer within BLOCK_TIMEOUT_TICKS
 * fails it with ERR_IO. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/timer.h"

#define BLOCK_SECTOR_SIZE 512
/* How long a driver waits for the completion of a request before it gives
 * up on it (ERR_IO) and resets the device: no request hangs forever. */
#define BLOCK_TIMEOUT_TICKS (5 * TIMER_HZ)

enum block_role {
    BLOCK_ROLE_DISK,    /* a whole disk */
    BLOCK_ROLE_FILESYS, /* MBR partition of type 0x83 */
    BLOCK_ROLE_SWAP,    /* MBR partition of type 0x82 */
    BLOCK_ROLE_OTHER,
};

struct block_device;

/* One piece of a vectored transfer: LEN bytes (a multiple of
 * BLOCK_SECTOR_SIZE, not 0) at the kernel address BUF, which need not be
 * aligned. A list of them stands for one buffer, their concatenation:
 * the sectors of a run go to (or come from) the first segment, then the
 * next, so no sector straddles two segments. */
struct block_seg {
    void *buf;
    size_t len;
};

struct block_ops {
    /* Transfer the sectors from SECTOR on (relative to the device) to or
     * from the NSEG (>= 1) checked segments SEGS (kernel virtual
     * addresses) as one run, in as few commands as the device allows;
     * block_read/block_write come here too, as one segment. writev does
     * not change the segments' bytes. 0 or a negative ERR_ code. */
    int (*readv)(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                 uint32_t nseg);
    int (*writev)(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                  uint32_t nseg);
    /* Optional (NULL: nothing to do): make every write completed so far
     * durable, e.g. write a drive's volatile cache to the medium. */
    int (*flush)(struct block_device *dev);
};

struct block_device {
    char name[16]; /* "hda", "hda1", "vda2", ... */
    enum block_role role;
    uint64_t sector_count;
    const struct block_ops *ops;
    void *priv;                  /* driver data */
    struct block_device *parent; /* the whole disk for a partition, else NULL */
    uint64_t start;              /* first sector within the parent */
    uint64_t reads, writes;      /* sectors transferred, for statistics */
    uint64_t requests;           /* commands the driver gave the device (a disk's only) */
};

/* block_register: add DEV (fully initialised, not copied) to the registry. */
void block_register(struct block_device *dev);
/* block_find: device by name, or NULL. */
struct block_device *block_find(const char *name);
/* block_find_role: first registered device with ROLE, or NULL. */
struct block_device *block_find_role(enum block_role role);
/* block_read/block_write: range-checked transfer; ERR_INVALID past the end. */
int block_read(struct block_device *dev, uint64_t sector, uint32_t count, void *buf);
int block_write(struct block_device *dev, uint64_t sector, uint32_t count, const void *buf);
/* block_readv/block_writev: range-checked vectored transfer of the run
 * of sectors from SECTOR on, as long as the NSEG segments SEGS together,
 * straight to or from them (struct block_seg); ERR_INVALID past the end,
 * for a segment without a buffer or with a length that is 0 or not a
 * multiple of BLOCK_SECTOR_SIZE; else the driver's error. NSEG 0: 0. */
int block_readv(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                uint32_t nseg);
int block_writev(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                 uint32_t nseg);
/* block_flush: make DEV's completed writes durable (block_ops.flush);
 * 0, ERR_INVALID for no device, or the driver's error. */
int block_flush(struct block_device *dev);
/* block_next: iterate the registry: the device registered after PREV (the
 * first for NULL), or NULL at the end. */
struct block_device *block_next(struct block_device *prev);

/* block_seg_sectors: the sectors the NSEG segments SEGS hold (for a
 * driver: block_readv/block_writev checked each is whole sectors). */
uint64_t block_seg_sectors(const struct block_seg *segs, uint32_t nseg);

/* A driver's position in a list of segments: byte OFF of segment SEG. */
struct block_cursor {
    const struct block_seg *seg;
    size_t off;
};

/* block_cursor_piece: the bytes from C on that lie in one page of one
 * segment (so are physically contiguous), at most MAX (> 0); *AT gets
 * their address. Call only while bytes remain. */
size_t block_cursor_piece(const struct block_cursor *c, size_t max, uint8_t **at);
/* block_cursor_advance: move C forward BYTES bytes (across segments). */
void block_cursor_advance(struct block_cursor *c, size_t bytes);

/* storage_init: find the storage hardware and register its devices: PCI
 * scan, ATA disks, virtio-blk disks, then the MBR partitions of every disk.
 * Thread context, interrupts on. */
void storage_init(void);
/* storage_report: say what storage_init found (for a boot that finds no
 * file system): each legacy IDE channel, each PCI mass-storage controller
 * and whether it is driven, the disks registered or that there are none,
 * and how to attach a disk the kernel can use when the only controller is
 * AHCI (QEMU's q35). */
void storage_report(void);
