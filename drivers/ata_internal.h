/* Private to the ATA driver: the channel and disk records that ata.c
 * (commands, PIO, probing, recovery) and ata_dma.c (the PIIX bus master)
 * share, and the bus-master interface ata.c drives DMA through. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "drivers/block.h"
#include "kernel/sync.h"

#define ATA_CHANNELS            2
#define ATA_DEVICES_PER_CHANNEL 2
#define ATA_IDENT_MODEL_WORDS   20

/* Bus-master status bits (BMISX; ata_dma.c says where they come from). */
#define ATA_BM_STATUS_ERROR 0x02
#define ATA_BM_STATUS_IRQ   0x04

struct ata_prd;
struct ata_disk;

struct ata_channel {
    uint16_t io, ctl; /* command block and device control ports */
    unsigned irq;
    uint16_t bm;         /* bus-master registers; 0: no DMA on this channel */
    struct ata_prd *prd; /* the channel's PRD table (when bm != 0) */
    struct ata_disk *disk[ATA_DEVICES_PER_CHANNEL]; /* master, slave (or NULL) */
    /* What the probe found, for storage_report. */
    bool absent;                 /* no controller: the status port floats (0xff) */
    uint8_t disks;               /* ATA disks registered */
    uint8_t other_devices;       /* ATAPI (CD-ROM) or SATA-signature devices, not used */
    struct lock lock;            /* one command at a time; guards what follows */
    struct semaphore irq_sema;   /* upped by the IRQ handler */
    volatile bool expecting;     /* a command waits for an interrupt */
    volatile uint8_t irq_status; /* status register, read by the IRQ handler */
    bool failed;                 /* a reset did not bring the channel back */
};

struct ata_disk {
    struct block_device bdev;
    struct ata_channel *ch;
    int slave;
    bool lba48;
    bool dma;          /* transfers by bus-master DMA (else PIO) */
    uint8_t multiple;  /* sectors per DRQ block of READ/WRITE MULTIPLE; 0: none */
    bool refusal_told; /* "channel out of service" printed once */
    char model[ATA_IDENT_MODEL_WORDS * 2 + 1];
};

/* ata_dma_init: find the PCI IDE controller in compatibility mode with
 * bus-master registers (BAR4), enable its I/O decoding and bus mastering
 * and give each of CHANNELS its registers and PRD table. Returns true if
 * DMA is available; with -v says which controller or why not. */
bool ata_dma_init(struct ata_channel *channels);
/* ata_dma_map: describe BYTES (a multiple of the sector size, at most
 * ATA_DMA_MAX_BYTES) of the segments from AT on in CH's PRD table: a
 * region per physically contiguous piece. Returns the bytes described:
 * all of them, or fewer (a multiple of the sector size, at least one
 * sector) when the table fills first. ERR_UNSUPPORTED when the controller
 * cannot reach a buffer (above 4 GiB, odd address): the caller uses PIO. */
long ata_dma_map(struct ata_channel *ch, struct block_cursor at, size_t bytes);
/* ata_dma_arm: point the bus master at CH's PRD table for a transfer to
 * memory (a disk read, TO_MEMORY) or from it, with the status cleared.
 * Before the drive gets its command. */
void ata_dma_arm(struct ata_channel *ch, bool to_memory);
/* ata_dma_start: let the bus master move the data (after the command). */
void ata_dma_start(struct ata_channel *ch);
/* ata_dma_stop: stop the bus master (no DMA happens after it returns),
 * clear its interrupt and error bits; returns the status it had. */
uint8_t ata_dma_stop(struct ata_channel *ch);

/* Most bytes one DMA command moves: a PRD table of ATA_PRD_ENTRIES holds
 * this many of one buffer even when every page is a region of its own
 * (a list of small buffers may fill it sooner: ata_dma_map). */
#define ATA_DMA_MAX_BYTES (1u << 20)
