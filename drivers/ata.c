/* ATA PIO on the two legacy IDE channels (PIIX in compatibility mode):
 *
 *   channel    command block  control  IRQ   devices
 *   primary    0x1f0..0x1f7   0x3f6    14    hda (master), hdb (slave)
 *   secondary  0x170..0x177   0x376    15    hdc (master), hdd (slave)
 *
 * Probing runs with the channel's interrupts masked in the device (nIEN)
 * and only bounded polls: an absent channel floats at status 0xff, an
 * absent device reads status 0 after IDENTIFY or never asserts DRQ, and an
 * ATAPI device (the CD-ROM) aborts IDENTIFY and shows the packet signature
 * in the LBA mid/high registers; all of these are skipped.
 *
 * Transfers: one command at a time per channel (channel->lock). The thread
 * programs the registers, then sleeps on channel->irq_sema for each DRQ
 * block (one sector for READ/WRITE SECTORS). The IRQ handler reads the
 * status register (which acknowledges the interrupt in the device), saves
 * it and ups the semaphore. Data moves by 16-bit port I/O in thread
 * context. LBA48 commands are used only when the range needs them. A
 * status with ERR or DF ends the command with ERR_IO. */
#include "drivers/ata.h"
#include "drivers/block.h"
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/pic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/sync.h"
#include "mm/kmalloc.h"

/* Command-block register offsets from the channel's I/O base. */
#define ATA_REG_DATA    0
#define ATA_REG_ERROR   1
#define ATA_REG_COUNT   2
#define ATA_REG_LBA0    3
#define ATA_REG_LBA1    4
#define ATA_REG_LBA2    5
#define ATA_REG_DRIVE   6
#define ATA_REG_STATUS  7
#define ATA_REG_COMMAND 7

/* Status bits. */
#define ATA_SR_ERR          0x01
#define ATA_SR_DRQ          0x08
#define ATA_SR_DF           0x20
#define ATA_SR_DRDY         0x40
#define ATA_SR_BSY          0x80
#define ATA_STATUS_FLOATING 0xff

/* Device control register bits. */
#define ATA_CTL_NIEN 0x02

/* Drive/head register. */
#define ATA_DRIVE_BASE  0xa0
#define ATA_DRIVE_LBA   0x40
#define ATA_DRIVE_SLAVE 0x10

/* Commands. */
#define ATA_CMD_READ_PIO      0x20
#define ATA_CMD_READ_PIO_EXT  0x24
#define ATA_CMD_WRITE_PIO     0x30
#define ATA_CMD_WRITE_PIO_EXT 0x34
#define ATA_CMD_FLUSH         0xe7
#define ATA_CMD_FLUSH_EXT     0xea
#define ATA_CMD_IDENTIFY      0xec

/* Signatures in LBA1/LBA2 after reset or an aborted IDENTIFY. */
#define ATAPI_SIG_MID  0x14
#define ATAPI_SIG_HIGH 0xeb
#define SATA_SIG_MID   0x3c
#define SATA_SIG_HIGH  0xc3

/* IDENTIFY words. */
#define ATA_IDENT_WORDS        256
#define ATA_IDENT_MODEL        27
#define ATA_IDENT_MODEL_WORDS  20
#define ATA_IDENT_CAPS         49
#define ATA_IDENT_CAPS_LBA     (1u << 9)
#define ATA_IDENT_LBA28        60
#define ATA_IDENT_CMDSET       83
#define ATA_IDENT_CMDSET_LBA48 (1u << 10)
#define ATA_IDENT_LBA48        100

#define ATA_LBA28_LIMIT         (1ull << 28)
#define ATA_MAX_SECTORS_PER_CMD 256     /* count register 0 means 256 (LBA28) */
#define ATA_POLL_LIMIT          1000000 /* iterations of a bounded status poll */
#define ATA_SELECT_DELAY_READS  4       /* 4 alt-status reads = the 400 ns delay */
#define ATA_CHANNELS            2
#define ATA_DEVICES_PER_CHANNEL 2
#define ATA_WORDS_PER_SECTOR    (BLOCK_SECTOR_SIZE / 2)

struct ata_channel {
    uint16_t io, ctl;
    unsigned irq;
    /* What the probe found, for storage_report. */
    bool absent;               /* no controller: the status port floats (0xff) */
    uint8_t disks;             /* ATA disks registered */
    uint8_t other_devices;     /* ATAPI (CD-ROM) or SATA-signature devices, not used */
    struct lock lock;          /* one command at a time */
    struct semaphore irq_sema; /* upped by the IRQ handler */
    volatile bool expecting;   /* a command waits for an interrupt */
    volatile uint8_t irq_status;
};

struct ata_disk {
    struct block_device bdev;
    struct ata_channel *ch;
    int slave;
    bool lba48;
    char model[ATA_IDENT_MODEL_WORDS * 2 + 1];
};

static struct ata_channel ata_channels[ATA_CHANNELS] = {
    {.io = 0x1f0, .ctl = 0x3f6, .irq = 14},
    {.io = 0x170, .ctl = 0x376, .irq = 15},
};

static uint8_t ata_status(struct ata_channel *ch)
{
    return inb(ch->io + ATA_REG_STATUS);
}
static uint8_t ata_alt_status(struct ata_channel *ch)
{
    return inb(ch->ctl);
}

static void ata_delay(struct ata_channel *ch)
{
    for (int i = 0; i < ATA_SELECT_DELAY_READS; i++)
        ata_alt_status(ch);
}

/* ata_wait_not_busy: poll until BSY clears; the final status, or -1 on
 * timeout. Reads the alternate status (no interrupt acknowledge). */
static int ata_wait_not_busy(struct ata_channel *ch)
{
    for (int i = 0; i < ATA_POLL_LIMIT; i++) {
        uint8_t s = ata_alt_status(ch);
        if (s == ATA_STATUS_FLOATING)
            return -1;
        if (!(s & ATA_SR_BSY))
            return s;
    }
    return -1;
}

/* ata_wait_drq: poll until DRQ (ERR_OK), ERR/DF (ERR_IO) or timeout. */
static int ata_wait_drq(struct ata_channel *ch)
{
    for (int i = 0; i < ATA_POLL_LIMIT; i++) {
        uint8_t s = ata_alt_status(ch);
        if (s & ATA_SR_BSY)
            continue;
        if (s & (ATA_SR_ERR | ATA_SR_DF))
            return ERR_IO;
        if (s & ATA_SR_DRQ)
            return ERR_OK;
    }
    return ERR_TIMEOUT;
}

static void ata_select(struct ata_channel *ch, int slave, uint8_t extra)
{
    outb(ch->io + ATA_REG_DRIVE, ATA_DRIVE_BASE | (slave ? ATA_DRIVE_SLAVE : 0) | extra);
    ata_delay(ch);
}

/* ata_irq: acknowledge by reading the status; wake the waiting thread. */
static void ata_irq(struct trap_frame *tf)
{
    struct ata_channel *ch =
        &ata_channels[tf->vector - VEC_IRQ_BASE == ata_channels[0].irq ? 0 : 1];
    uint8_t s = ata_status(ch);
    if (!ch->expecting)
        return;
    ch->irq_status = s;
    ch->expecting = false;
    sema_up(&ch->irq_sema);
}

/* ata_wait_irq: sleep until the interrupt of the current DRQ block or
 * command end; ERR_IO if the device reported an error. */
static int ata_wait_irq(struct ata_channel *ch)
{
    sema_down(&ch->irq_sema);
    uint8_t s = ch->irq_status;
    if (s & ATA_SR_BSY) {
        int r = ata_wait_not_busy(ch);
        if (r < 0)
            return ERR_TIMEOUT;
        s = r;
    }
    return s & (ATA_SR_ERR | ATA_SR_DF) ? ERR_IO : ERR_OK;
}

/* ata_arm: expect one interrupt (call before the action that raises it). */
static void ata_arm(struct ata_channel *ch)
{
    uint64_t f = irq_save();
    while (sema_try_down(&ch->irq_sema))
        continue;
    ch->expecting = true;
    irq_restore(f);
}

/* ata_issue: select the drive and start CMD on COUNT sectors at LBA. */
static int ata_issue(struct ata_disk *d, uint8_t cmd, uint64_t lba, uint32_t count)
{
    struct ata_channel *ch = d->ch;
    bool ext = cmd == ATA_CMD_READ_PIO_EXT || cmd == ATA_CMD_WRITE_PIO_EXT;
    ata_select(ch, d->slave, ATA_DRIVE_LBA | (ext ? 0 : (lba >> 24) & 0x0f));
    if (ata_wait_not_busy(ch) < 0)
        return ERR_TIMEOUT;
    if (ext) {
        outb(ch->io + ATA_REG_COUNT, (count >> 8) & 0xff);
        outb(ch->io + ATA_REG_LBA0, (lba >> 24) & 0xff);
        outb(ch->io + ATA_REG_LBA1, (lba >> 32) & 0xff);
        outb(ch->io + ATA_REG_LBA2, (lba >> 40) & 0xff);
    }
    outb(ch->io + ATA_REG_COUNT, count & 0xff);
    outb(ch->io + ATA_REG_LBA0, lba & 0xff);
    outb(ch->io + ATA_REG_LBA1, (lba >> 8) & 0xff);
    outb(ch->io + ATA_REG_LBA2, (lba >> 16) & 0xff);
    ata_arm(ch);
    outb(ch->io + ATA_REG_COMMAND, cmd);
    return ERR_OK;
}

/* ata_read_chunk: read COUNT (1..256) sectors at LBA into BUF; channel
 * lock held. */
static int ata_read_chunk(struct ata_disk *d, uint64_t lba, uint32_t count, uint16_t *buf)
{
    struct ata_channel *ch = d->ch;
    int err = ata_issue(
        d, d->lba48 && lba + count > ATA_LBA28_LIMIT ? ATA_CMD_READ_PIO_EXT : ATA_CMD_READ_PIO, lba,
        count);
    for (uint32_t s = 0; s < count && err == ERR_OK; s++) {
        err = ata_wait_irq(ch);
        if (err == ERR_OK && !(ata_alt_status(ch) & ATA_SR_DRQ))
            err = ERR_IO;
        if (err < 0)
            break;
        if (s + 1 < count)
            ata_arm(ch);
        for (int w = 0; w < ATA_WORDS_PER_SECTOR; w++)
            *buf++ = inw(ch->io + ATA_REG_DATA);
    }
    ch->expecting = false;
    return err;
}

/* ata_write_chunk: write COUNT (1..256) sectors at LBA from BUF, then
 * flush the drive's cache; channel lock held. */
static int ata_write_chunk(struct ata_disk *d, uint64_t lba, uint32_t count, const uint16_t *buf)
{
    struct ata_channel *ch = d->ch;
    bool ext = d->lba48 && lba + count > ATA_LBA28_LIMIT;
    int err = ata_issue(d, ext ? ATA_CMD_WRITE_PIO_EXT : ATA_CMD_WRITE_PIO, lba, count);
    for (uint32_t s = 0; s < count && err == ERR_OK; s++) {
        if (s == 0)
            err = ata_wait_drq(ch); /* no interrupt before the first block */
        else if ((err = ata_wait_irq(ch)) == ERR_OK && !(ata_alt_status(ch) & ATA_SR_DRQ))
            err = ERR_IO;
        if (err < 0)
            break;
        ata_arm(ch);
        for (int w = 0; w < ATA_WORDS_PER_SECTOR; w++)
            outw(ch->io + ATA_REG_DATA, *buf++);
    }
    if (err == ERR_OK)
        err = ata_wait_irq(ch);
    if (err == ERR_OK) {
        ata_arm(ch);
        outb(ch->io + ATA_REG_COMMAND, ext ? ATA_CMD_FLUSH_EXT : ATA_CMD_FLUSH);
        err = ata_wait_irq(ch);
    }
    ch->expecting = false;
    return err;
}

static int ata_read(struct block_device *bdev, uint64_t sector, uint32_t count, void *buf)
{
    struct ata_disk *d = bdev->priv;
    int err = ERR_OK;
    lock_acquire(&d->ch->lock);
    for (uint8_t *p = buf; count && err == ERR_OK;) {
        uint32_t n = count < ATA_MAX_SECTORS_PER_CMD ? count : ATA_MAX_SECTORS_PER_CMD;
        err = ata_read_chunk(d, sector, n, (uint16_t *)p);
        sector += n, count -= n, p += n * BLOCK_SECTOR_SIZE;
    }
    lock_release(&d->ch->lock);
    return err;
}

static int ata_write(struct block_device *bdev, uint64_t sector, uint32_t count, const void *buf)
{
    struct ata_disk *d = bdev->priv;
    int err = ERR_OK;
    lock_acquire(&d->ch->lock);
    for (const uint8_t *p = buf; count && err == ERR_OK;) {
        uint32_t n = count < ATA_MAX_SECTORS_PER_CMD ? count : ATA_MAX_SECTORS_PER_CMD;
        err = ata_write_chunk(d, sector, n, (const uint16_t *)p);
        sector += n, count -= n, p += n * BLOCK_SECTOR_SIZE;
    }
    lock_release(&d->ch->lock);
    return err;
}

static const struct block_ops ata_ops = {.read = ata_read, .write = ata_write};

/* ata_identify: IDENTIFY device SLAVE of CH into ID (256 words) by
 * polling. ERR_NOT_FOUND for no device, ERR_UNSUPPORTED for a packet
 * (ATAPI, e.g. a CD-ROM) or SATA-signature device. */
static int ata_identify(struct ata_channel *ch, int slave, uint16_t *id)
{
    ata_select(ch, slave, 0);
    outb(ch->io + ATA_REG_COUNT, 0);
    outb(ch->io + ATA_REG_LBA0, 0);
    outb(ch->io + ATA_REG_LBA1, 0);
    outb(ch->io + ATA_REG_LBA2, 0);
    outb(ch->io + ATA_REG_COMMAND, ATA_CMD_IDENTIFY);
    ata_delay(ch);
    if (ata_status(ch) == 0 || ata_wait_not_busy(ch) < 0)
        return ERR_NOT_FOUND;
    uint8_t mid = inb(ch->io + ATA_REG_LBA1), high = inb(ch->io + ATA_REG_LBA2);
    if ((mid == ATAPI_SIG_MID && high == ATAPI_SIG_HIGH) ||
        (mid == SATA_SIG_MID && high == SATA_SIG_HIGH))
        return ERR_UNSUPPORTED; /* a packet (CD-ROM) or SATA device */
    if (mid || high)
        return ERR_NOT_FOUND; /* not an ATA signature */
    if (ata_wait_drq(ch) < 0)
        return ERR_NOT_FOUND;
    for (int i = 0; i < ATA_IDENT_WORDS; i++)
        id[i] = inw(ch->io + ATA_REG_DATA);
    ata_status(ch);
    return ERR_OK;
}

/* ata_model: the model string of ID (byte-swapped words), trimmed. */
static void ata_model(const uint16_t *id, char *out)
{
    int n = ATA_IDENT_MODEL_WORDS * 2;
    for (int i = 0; i < ATA_IDENT_MODEL_WORDS; i++) {
        out[2 * i] = id[ATA_IDENT_MODEL + i] >> 8;
        out[2 * i + 1] = id[ATA_IDENT_MODEL + i] & 0xff;
    }
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\0'))
        n--;
    out[n] = '\0';
}

/* ata_add: register device SLAVE of channel C (IDENTIFY data ID); false
 * if it cannot be used (CHS only, no memory). */
static bool ata_add(int c, int slave, const uint16_t *id)
{
    if (!(id[ATA_IDENT_CAPS] & ATA_IDENT_CAPS_LBA))
        return false; /* CHS-only drives are not supported */
    struct ata_disk *d = kzalloc(sizeof *d);
    if (!d)
        return false;
    d->ch = &ata_channels[c];
    d->slave = slave;
    d->lba48 = id[ATA_IDENT_CMDSET] & ATA_IDENT_CMDSET_LBA48;
    uint64_t n = id[ATA_IDENT_LBA28] | (uint32_t)id[ATA_IDENT_LBA28 + 1] << 16;
    if (d->lba48)
        for (int i = 3; i >= 0; i--)
            n = (i == 3 ? 0 : n << 16) | id[ATA_IDENT_LBA48 + i];
    ata_model(id, d->model);
    snprintf(d->bdev.name, sizeof d->bdev.name, "hd%c", 'a' + c * ATA_DEVICES_PER_CHANNEL + slave);
    d->bdev.role = BLOCK_ROLE_DISK;
    d->bdev.sector_count = n;
    d->bdev.ops = &ata_ops;
    d->bdev.priv = d;
    block_register(&d->bdev);
    if (kernel_cmdline.verbose)
        printf("ata: %s: %s, %lu sectors (%lu MiB)%s\n", d->bdev.name, d->model, n,
               n * BLOCK_SECTOR_SIZE >> 20, d->lba48 ? ", LBA48" : "");
    return true;
}

/* ata_probe_channel: find the devices of channel C; registers its IRQ if
 * it has at least one disk. */
static void ata_probe_channel(int c, uint16_t *id)
{
    struct ata_channel *ch = &ata_channels[c];
    lock_init(&ch->lock);
    sema_init(&ch->irq_sema, 0);
    ch->absent = ata_status(ch) == ATA_STATUS_FLOATING;
    if (ch->absent)
        return;
    outb(ch->ctl, ATA_CTL_NIEN);
    bool any = false;
    for (int slave = 0; slave < ATA_DEVICES_PER_CHANNEL; slave++) {
        int err = ata_identify(ch, slave, id);
        if (err == ERR_UNSUPPORTED)
            ch->other_devices++;
        if (err == ERR_OK && ata_add(c, slave, id))
            ch->disks++;
        any |= err == ERR_OK;
    }
    if (!any)
        return;
    irq_register(ch->irq, ata_irq);
    ata_status(ch);
    outb(ch->ctl, 0);
}

/* ata_report: one line per legacy channel: no controller, or the disks
 * and other devices found on it. */
void ata_report(void)
{
    for (int c = 0; c < ATA_CHANNELS; c++) {
        const struct ata_channel *ch = &ata_channels[c];
        printf("storage: IDE channel at 0x%x: ", ch->io);
        if (ch->absent) {
            printf("no controller (its ports read 0xff)\n");
            continue;
        }
        if (ch->disks == 0 && ch->other_devices == 0) {
            printf("no device\n");
            continue;
        }
        printf("%u disk%s", ch->disks, ch->disks == 1 ? "" : "s");
        if (ch->other_devices)
            printf(", %u ATAPI/SATA device%s (CD-ROM), not a disk", ch->other_devices,
                   ch->other_devices == 1 ? "" : "s");
        printf("\n");
    }
}

void ata_init(void)
{
    uint16_t *id = kmalloc(ATA_IDENT_WORDS * sizeof *id);
    if (!id)
        return;
    for (int c = 0; c < ATA_CHANNELS; c++)
        ata_probe_channel(c, id);
    kfree(id);
}
