/* ATA disks on the two legacy IDE channels (PIIX in compatibility mode):
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
 * Transfers: one command at a time per channel (channel->lock); a block
 * request becomes as few commands as the limits allow. Two ways to move
 * the data (ATA/ATAPI-6: the commands by name, and the protocols of its
 * "Protocol" clause: PIO data-in/data-out, DMA, software reset):
 *   DMA, when the controller has bus-master registers (ata_dma.c), the
 *     drive supports DMA, `ata=pio` is not given and the controller can
 *     reach the buffer: READ/WRITE DMA (EXT) of up to ATA_DMA_MAX_BYTES,
 *     straight into or out of the caller's buffer or list of buffers
 *     (block_readv: a PRD region per physically contiguous piece), one
 *     interrupt each;
 *   PIO otherwise: READ/WRITE MULTIPLE (EXT), one interrupt per DRQ block
 *     of the drive's multiple count (READ/WRITE SECTORS, a sector per
 *     block, if the drive has no multiple mode), data by 16-bit port I/O.
 * LBA48 (EXT) commands are used only when the range or count needs them.
 * A completed write may sit in the drive's write cache: block_flush
 * (FLUSH CACHE) makes it durable.
 *
 * Interrupts: the thread arms the channel (expecting), starts the command
 * and sleeps on irq_sema. The IRQ handler reads the status register (which
 * acknowledges the interrupt in the device), saves it and ups the
 * semaphore. A status with ERR or DF, or a bus-master error, ends the
 * command with ERR_IO.
 *
 * No hang: every wait for an interrupt gives up after ATA_TIMEOUT_TICKS
 * (and every polled wait is bounded). Then the bus master is stopped, the
 * channel is reset (SRST, the software reset protocol) and the request fails
 * with ERR_IO; the next request runs as usual. If the reset does not bring
 * the channel back, the channel is out of service: every later request
 * fails at once with ERR_IO. */
#include "drivers/ata.h"
#include "drivers/ata_internal.h"
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/pic.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "mm/kmalloc.h"
#include "proc/thread.h"

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
#define ATA_CTL_SRST 0x04

/* Drive/head register. */
#define ATA_DRIVE_BASE  0xa0
#define ATA_DRIVE_LBA   0x40
#define ATA_DRIVE_SLAVE 0x10

/* Commands (ATA/ATAPI-6, under these names). */
#define ATA_CMD_READ_PIO       0x20
#define ATA_CMD_READ_PIO_EXT   0x24
#define ATA_CMD_WRITE_PIO      0x30
#define ATA_CMD_WRITE_PIO_EXT  0x34
#define ATA_CMD_READ_MULT      0xc4
#define ATA_CMD_READ_MULT_EXT  0x29
#define ATA_CMD_WRITE_MULT     0xc5
#define ATA_CMD_WRITE_MULT_EXT 0x39
#define ATA_CMD_READ_DMA       0xc8
#define ATA_CMD_READ_DMA_EXT   0x25
#define ATA_CMD_WRITE_DMA      0xca
#define ATA_CMD_WRITE_DMA_EXT  0x35
#define ATA_CMD_SET_MULTIPLE   0xc6
#define ATA_CMD_FLUSH          0xe7
#define ATA_CMD_FLUSH_EXT      0xea
#define ATA_CMD_IDENTIFY       0xec

/* Signatures in LBA1/LBA2 after reset or an aborted IDENTIFY. */
#define ATAPI_SIG_MID  0x14
#define ATAPI_SIG_HIGH 0xeb
#define SATA_SIG_MID   0x3c
#define SATA_SIG_HIGH  0xc3

/* IDENTIFY DEVICE data words (ATA/ATAPI-6, IDENTIFY DEVICE). */
#define ATA_IDENT_WORDS        256
#define ATA_IDENT_MODEL        27
#define ATA_IDENT_MULTIPLE     47 /* bits 7:0: most sectors per DRQ block */
#define ATA_IDENT_MULTIPLE_MAX 0xff
#define ATA_IDENT_CAPS         49
#define ATA_IDENT_CAPS_DMA     (1u << 8)
#define ATA_IDENT_CAPS_LBA     (1u << 9)
#define ATA_IDENT_LBA28        60
#define ATA_IDENT_CMDSET       83
#define ATA_IDENT_CMDSET_LBA48 (1u << 10)
#define ATA_IDENT_LBA48        100

#define ATA_LBA28_LIMIT        (1ull << 28)
#define ATA_LBA28_MAX_COUNT    256     /* count register 0 means 256 */
#define ATA_PIO_MAX_SECTORS    256     /* per PIO command */
#define ATA_POLL_LIMIT         1000000 /* iterations of a bounded status poll */
#define ATA_SELECT_DELAY_READS 4       /* 4 alt-status reads = the 400 ns delay */
#define ATA_SRST_HOLD_READS    50      /* >= 5 us with SRST set */
#define ATA_WORDS_PER_SECTOR   (BLOCK_SECTOR_SIZE / 2)

/* How long a command may go without its interrupt (the block layer's
 * bound), and how long a reset may keep the devices busy (ATA/ATAPI-6
 * allows 31 s; QEMU needs none). */
#define ATA_TIMEOUT_TICKS      BLOCK_TIMEOUT_TICKS
#define ATA_RESET_TICKS        (5 * TIMER_HZ)
#define ATA_RESET_SETTLE_TICKS 1 /* >= 2 ms after SRST is cleared */

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

static void ata_delay(struct ata_channel *ch, int reads)
{
    for (int i = 0; i < reads; i++)
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
    ata_delay(ch, ATA_SELECT_DELAY_READS);
}

/* ata_irq: acknowledge by reading the status; wake the waiting thread
 * (which reads the bus-master status itself, after stopping it). */
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

/* ata_arm: expect one interrupt (call before the action that raises it). */
static void ata_arm(struct ata_channel *ch)
{
    uint64_t f = irq_save();
    while (sema_try_down(&ch->irq_sema))
        continue;
    ch->expecting = true;
    irq_restore(f);
}

/* ata_disarm: expect no interrupt any more; true if the one expected came
 * after all (between a timed-out wait and now). */
static bool ata_disarm(struct ata_channel *ch)
{
    uint64_t f = irq_save();
    bool came = sema_try_down(&ch->irq_sema);
    ch->expecting = false;
    irq_restore(f);
    return came;
}

/* ata_wait_irq: sleep until the armed interrupt (a DRQ block or the end of
 * the command), at most ATA_TIMEOUT_TICKS. ERR_IO if the device reported
 * an error, ERR_TIMEOUT if no interrupt came (or BSY stayed on). */
static int ata_wait_irq(struct ata_channel *ch)
{
    if (!sema_down_timeout(&ch->irq_sema, ATA_TIMEOUT_TICKS) && !ata_disarm(ch))
        return ERR_TIMEOUT;
    uint8_t s = ch->irq_status;
    if (s & ATA_SR_BSY) {
        int r = ata_wait_not_busy(ch);
        if (r < 0)
            return ERR_TIMEOUT;
        s = r;
    }
    return s & (ATA_SR_ERR | ATA_SR_DF) ? ERR_IO : ERR_OK;
}

/* ata_needs_ext: COUNT sectors at LBA need a 48-bit command. */
static bool ata_needs_ext(uint64_t lba, uint32_t count)
{
    return lba + count > ATA_LBA28_LIMIT || count > ATA_LBA28_MAX_COUNT;
}

/* ata_issue: select D and start CMD (a 48-bit one if EXT) on COUNT sectors
 * at LBA, with one interrupt armed. ERR_TIMEOUT if the drive stays busy. */
static int ata_issue(struct ata_disk *d, uint8_t cmd, bool ext, uint64_t lba, uint32_t count)
{
    struct ata_channel *ch = d->ch;
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

/* ata_pio_command: the PIO command of D for a read or WRITE, EXT or not. */
static uint8_t ata_pio_command(const struct ata_disk *d, bool write, bool ext)
{
    if (d->multiple)
        return write ? (ext ? ATA_CMD_WRITE_MULT_EXT : ATA_CMD_WRITE_MULT)
                     : (ext ? ATA_CMD_READ_MULT_EXT : ATA_CMD_READ_MULT);
    return write ? (ext ? ATA_CMD_WRITE_PIO_EXT : ATA_CMD_WRITE_PIO)
                 : (ext ? ATA_CMD_READ_PIO_EXT : ATA_CMD_READ_PIO);
}

/* ata_block_sectors: sectors in the DRQ block of a PIO command of D that
 * has LEFT sectors to go. */
static uint32_t ata_block_sectors(const struct ata_disk *d, uint32_t left)
{
    uint32_t block = d->multiple ? d->multiple : 1;
    return left < block ? left : block;
}

/* ata_sector_words: the sector at AT (whole inside one segment), as the
 * 16-bit words the data port moves. */
static uint16_t *ata_sector_words(const struct block_cursor *at)
{
    return (uint16_t *)((uint8_t *)at->seg->buf + at->off);
}

/* ata_pio_in: read COUNT sectors from CH's data port into AT, advanced
 * past them. */
static void ata_pio_in(struct ata_channel *ch, struct block_cursor *at, uint32_t count)
{
    for (uint32_t s = 0; s < count; s++) {
        uint16_t *buf = ata_sector_words(at);
        for (uint32_t w = 0; w < ATA_WORDS_PER_SECTOR; w++)
            buf[w] = inw(ch->io + ATA_REG_DATA);
        block_cursor_advance(at, BLOCK_SECTOR_SIZE);
    }
}

/* ata_pio_out: write COUNT sectors from AT, advanced past them, to CH's
 * data port. */
static void ata_pio_out(struct ata_channel *ch, struct block_cursor *at, uint32_t count)
{
    for (uint32_t s = 0; s < count; s++) {
        const uint16_t *buf = ata_sector_words(at);
        for (uint32_t w = 0; w < ATA_WORDS_PER_SECTOR; w++)
            outw(ch->io + ATA_REG_DATA, buf[w]);
        block_cursor_advance(at, BLOCK_SECTOR_SIZE);
    }
}

/* ata_pio_read: read COUNT (1..ATA_PIO_MAX_SECTORS) sectors at LBA into
 * the segments from AT on by PIO, one interrupt per DRQ block (protocol
 * PIO data-in); channel lock held. ERR_IO, or ERR_TIMEOUT (the caller
 * resets the channel). */
static int ata_pio_read(struct ata_disk *d, uint64_t lba, uint32_t count, struct block_cursor at)
{
    struct ata_channel *ch = d->ch;
    bool ext = d->lba48 && ata_needs_ext(lba, count);
    int err = ata_issue(d, ata_pio_command(d, false, ext), ext, lba, count);
    for (uint32_t done = 0; done < count && err == ERR_OK;) {
        err = ata_wait_irq(ch);
        if (err == ERR_OK && !(ata_alt_status(ch) & ATA_SR_DRQ))
            err = ERR_IO;
        if (err < 0)
            break;
        uint32_t n = ata_block_sectors(d, count - done);
        if (done + n < count)
            ata_arm(ch);
        ata_pio_in(ch, &at, n);
        done += n;
    }
    ata_disarm(ch);
    return err;
}

/* ata_pio_write: write COUNT (1..ATA_PIO_MAX_SECTORS) sectors at LBA from
 * the segments from AT on by PIO (protocol PIO data-out: no interrupt
 * before the first block, one after each); channel lock held. ERR_IO, or
 * ERR_TIMEOUT. */
static int ata_pio_write(struct ata_disk *d, uint64_t lba, uint32_t count, struct block_cursor at)
{
    struct ata_channel *ch = d->ch;
    bool ext = d->lba48 && ata_needs_ext(lba, count);
    int err = ata_issue(d, ata_pio_command(d, true, ext), ext, lba, count);
    for (uint32_t done = 0; done < count && err == ERR_OK;) {
        if (done == 0)
            err = ata_wait_drq(ch);
        else if ((err = ata_wait_irq(ch)) == ERR_OK && !(ata_alt_status(ch) & ATA_SR_DRQ))
            err = ERR_IO;
        if (err < 0)
            break;
        uint32_t n = ata_block_sectors(d, count - done);
        ata_arm(ch);
        ata_pio_out(ch, &at, n);
        done += n;
    }
    if (err == ERR_OK)
        err = ata_wait_irq(ch);
    ata_disarm(ch);
    return err;
}

/* ata_dma_transfer: COUNT sectors at LBA to or from the buffers mapped
 * already by ata_dma_map by READ/WRITE DMA (EXT) (protocol DMA); channel lock
 * held. The bus master is stopped on every return. ERR_IO on a drive or
 * bus-master error, ERR_TIMEOUT. */
static int ata_dma_transfer(struct ata_disk *d, bool write, uint64_t lba, uint32_t count)
{
    struct ata_channel *ch = d->ch;
    bool ext = d->lba48 && ata_needs_ext(lba, count);
    uint8_t cmd = write ? (ext ? ATA_CMD_WRITE_DMA_EXT : ATA_CMD_WRITE_DMA)
                        : (ext ? ATA_CMD_READ_DMA_EXT : ATA_CMD_READ_DMA);
    ata_dma_arm(ch, !write);
    int err = ata_issue(d, cmd, ext, lba, count);
    if (err == ERR_OK) {
        ata_dma_start(ch);
        err = ata_wait_irq(ch);
    }
    uint8_t bm = ata_dma_stop(ch);
    ata_disarm(ch);
    if (err == ERR_OK && (bm & ATA_BM_STATUS_ERROR))
        err = ERR_IO;
    if (err == ERR_OK && (ata_alt_status(ch) & (ATA_SR_BSY | ATA_SR_DRQ)))
        err = ERR_IO; /* the drive wanted more data than the table gave */
    return err;
}

/* ata_command: one command of D for *COUNT sectors at LBA to or from the
 * segments from AT on: DMA if D uses it and the controller reaches the
 * buffers, else PIO. A DMA command moves fewer when the PRD table fills
 * first: *COUNT gets the sectors it moves. Channel lock held. 0 or the
 * error of the transfer. */
static int ata_command(struct ata_disk *d, bool write, uint64_t lba, uint32_t *count,
                       struct block_cursor at)
{
    d->bdev.requests++;
    long mapped =
        d->dma ? ata_dma_map(d->ch, at, (size_t)*count * BLOCK_SECTOR_SIZE) : ERR_UNSUPPORTED;
    if (mapped > 0) {
        *count = (uint32_t)(mapped / BLOCK_SECTOR_SIZE);
        return ata_dma_transfer(d, write, lba, *count);
    }
    return write ? ata_pio_write(d, lba, *count, at) : ata_pio_read(d, lba, *count, at);
}

/* ata_max_sectors: most sectors in one command of D: a DMA command is
 * capped by the PRD table, and by the 28-bit count unless the drive has
 * 48-bit commands; a PIO command by ATA_PIO_MAX_SECTORS. */
static uint32_t ata_max_sectors(const struct ata_disk *d)
{
    if (!d->dma)
        return ATA_PIO_MAX_SECTORS;
    return d->lba48 ? ATA_DMA_MAX_BYTES / BLOCK_SECTOR_SIZE : ATA_LBA28_MAX_COUNT;
}

static int ata_set_multiple(struct ata_disk *d);

/* ata_reset_channel: software reset of CH (ATA/ATAPI-6 software reset
 * protocol: SRST set for at least 5 us, cleared, 2 ms, then BSY clears),
 * interrupts back on, multiple mode set again. ERR_TIMEOUT if a device
 * stays busy. */
static int ata_reset_channel(struct ata_channel *ch)
{
    outb(ch->ctl, ATA_CTL_SRST | ATA_CTL_NIEN);
    ata_delay(ch, ATA_SRST_HOLD_READS);
    outb(ch->ctl, ATA_CTL_NIEN);
    thread_sleep(ATA_RESET_SETTLE_TICKS);
    uint64_t deadline = timer_ticks() + ATA_RESET_TICKS;
    while (ata_alt_status(ch) & ATA_SR_BSY) {
        if (timer_ticks() >= deadline)
            return ERR_TIMEOUT;
        thread_sleep(1);
    }
    int err = ERR_OK;
    for (int i = 0; i < ATA_DEVICES_PER_CHANNEL; i++)
        if (ch->disk[i] && ch->disk[i]->multiple && ata_set_multiple(ch->disk[i]) < 0)
            err = ERR_IO;
    ata_status(ch);
    outb(ch->ctl, 0);
    return err;
}

/* ata_recover: a command of D (WHAT COUNT sectors at LBA) timed out: reset
 * the channel, or take it out of service if the reset fails. Channel lock
 * held; the bus master is stopped already. Returns ERR_IO. */
static int ata_recover(struct ata_disk *d, const char *what, uint64_t lba, uint32_t count)
{
    printf("ata: %s: %s of %u sectors at %lu: no completion within %u ticks; resetting the "
           "channel\n",
           d->bdev.name, what, count, lba, ATA_TIMEOUT_TICKS);
    if (ata_reset_channel(d->ch) < 0) {
        d->ch->failed = true;
        printf("ata: %s: the channel did not come back from its reset; out of service\n",
               d->bdev.name);
    }
    return ERR_IO;
}

/* ata_refuse: a request for D on a channel out of service: ERR_IO, said
 * once per disk. */
static int ata_refuse(struct ata_disk *d)
{
    if (!d->refusal_told)
        printf("ata: %s: channel out of service; requests fail\n", d->bdev.name);
    d->refusal_told = true;
    return ERR_IO;
}

/* ata_report_error: with -v, say that a command of D (WHAT COUNT sectors at LBA)
 * ended with an error, and the drive's status and error registers. */
static void ata_report_error(struct ata_disk *d, const char *what, uint64_t lba, uint32_t count)
{
    struct ata_channel *ch = d->ch;
    printf("ata: %s: %s of %u sectors at %lu failed: status 0x%x, error 0x%x\n", d->bdev.name, what,
           count, lba, ata_alt_status(ch), inb(ch->io + ATA_REG_ERROR));
}

/* ata_transfer: the block_ops transfer of the sectors from SECTOR on to
 * or from the NSEG segments SEGS, split into commands of at most
 * ata_max_sectors (fewer where a PRD table fills). */
static int ata_transfer(struct block_device *bdev, bool write, uint64_t sector,
                        const struct block_seg *segs, uint32_t nseg)
{
    struct ata_disk *d = bdev->priv;
    uint64_t left = block_seg_sectors(segs, nseg);
    int err = ERR_OK;
    lock_acquire(&d->ch->lock);
    if (d->ch->failed)
        err = ata_refuse(d);
    for (struct block_cursor at = {segs, 0}; left && err == ERR_OK;) {
        uint32_t max = ata_max_sectors(d), n = left < max ? (uint32_t)left : max;
        err = ata_command(d, write, sector, &n, at);
        if (err == ERR_TIMEOUT)
            err = ata_recover(d, write ? "write" : "read", sector, n);
        else if (err < 0 && kernel_cmdline.verbose)
            ata_report_error(d, write ? "write" : "read", sector, n);
        sector += n, left -= n;
        block_cursor_advance(&at, (size_t)n * BLOCK_SECTOR_SIZE);
    }
    lock_release(&d->ch->lock);
    return err;
}

static int ata_readv(struct block_device *bdev, uint64_t sector, const struct block_seg *segs,
                     uint32_t nseg)
{
    return ata_transfer(bdev, false, sector, segs, nseg);
}

static int ata_writev(struct block_device *bdev, uint64_t sector, const struct block_seg *segs,
                      uint32_t nseg)
{
    return ata_transfer(bdev, true, sector, segs, nseg);
}

/* ata_flush: FLUSH CACHE (EXT): the drive's write cache to
 * the medium. ERR_IO on an error, a timeout (channel reset) or a channel
 * out of service. */
static int ata_flush(struct block_device *bdev)
{
    struct ata_disk *d = bdev->priv;
    struct ata_channel *ch = d->ch;
    lock_acquire(&ch->lock);
    int err = ch->failed ? ata_refuse(d) : ERR_OK;
    if (err == ERR_OK) {
        ata_select(ch, d->slave, 0);
        err = ata_wait_not_busy(ch) < 0 ? ERR_TIMEOUT : ERR_OK;
    }
    if (err == ERR_OK) {
        ata_arm(ch);
        outb(ch->io + ATA_REG_COMMAND, d->lba48 ? ATA_CMD_FLUSH_EXT : ATA_CMD_FLUSH);
        err = ata_wait_irq(ch);
        ata_disarm(ch);
    }
    if (err == ERR_TIMEOUT)
        err = ata_recover(d, "cache flush", 0, 0);
    lock_release(&ch->lock);
    return err;
}

static const struct block_ops ata_ops = {
    .readv = ata_readv, .writev = ata_writev, .flush = ata_flush};

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
    ata_delay(ch, ATA_SELECT_DELAY_READS);
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

/* ata_set_multiple: SET MULTIPLE MODE to D->multiple sectors per
 * DRQ block, polled (the channel's interrupts masked by nIEN). */
static int ata_set_multiple(struct ata_disk *d)
{
    struct ata_channel *ch = d->ch;
    ata_select(ch, d->slave, 0);
    if (ata_wait_not_busy(ch) < 0)
        return ERR_TIMEOUT;
    outb(ch->io + ATA_REG_COUNT, d->multiple);
    outb(ch->io + ATA_REG_COMMAND, ATA_CMD_SET_MULTIPLE);
    ata_delay(ch, ATA_SELECT_DELAY_READS);
    int s = ata_wait_not_busy(ch);
    ata_status(ch);
    if (s < 0)
        return ERR_TIMEOUT;
    return s & (ATA_SR_ERR | ATA_SR_DF) ? ERR_IO : ERR_OK;
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

/* ata_sectors: the addressable sectors of IDENTIFY data ID (words 60-61,
 * or 100-103 with LBA48). */
static uint64_t ata_sectors(const uint16_t *id, bool lba48)
{
    uint64_t n = id[ATA_IDENT_LBA28] | (uint32_t)id[ATA_IDENT_LBA28 + 1] << 16;
    if (lba48)
        for (int i = 3; i >= 0; i--)
            n = (i == 3 ? 0 : n << 16) | id[ATA_IDENT_LBA48 + i];
    return n;
}

/* ata_setup_pio: for D's PIO commands (all of them, or those whose buffer
 * DMA cannot reach), use READ/WRITE MULTIPLE with the largest DRQ block
 * the drive offers (IDENTIFY word 47), if it takes it. */
static void ata_setup_pio(struct ata_disk *d, const uint16_t *id)
{
    d->multiple = id[ATA_IDENT_MULTIPLE] & ATA_IDENT_MULTIPLE_MAX;
    if (d->multiple <= 1 || ata_set_multiple(d) < 0)
        d->multiple = 0;
}

/* ata_print: with -v, describe D and how it moves data. */
static void ata_print(const struct ata_disk *d)
{
    if (!kernel_cmdline.verbose)
        return;
    uint64_t n = d->bdev.sector_count;
    printf("ata: %s: %s, %lu sectors (%lu MiB)%s, ", d->bdev.name, d->model, n,
           n * BLOCK_SECTOR_SIZE >> 20, d->lba48 ? ", LBA48" : "");
    if (d->dma)
        printf("bus-master DMA\n");
    else if (d->multiple)
        printf("PIO, %u sectors per interrupt\n", d->multiple);
    else
        printf("PIO, 1 sector per interrupt\n");
}

/* ata_add: register device SLAVE of channel C (IDENTIFY data ID); DMA
 * says whether the channel has a bus master to use. False if it cannot be
 * used (CHS only, no memory). */
static bool ata_add(int c, int slave, const uint16_t *id, bool dma)
{
    if (!(id[ATA_IDENT_CAPS] & ATA_IDENT_CAPS_LBA))
        return false; /* CHS-only drives are not supported */
    struct ata_disk *d = kzalloc(sizeof *d);
    if (!d)
        return false;
    d->ch = &ata_channels[c];
    d->slave = slave;
    d->lba48 = id[ATA_IDENT_CMDSET] & ATA_IDENT_CMDSET_LBA48;
    d->dma = dma && (id[ATA_IDENT_CAPS] & ATA_IDENT_CAPS_DMA);
    ata_setup_pio(d, id);
    ata_model(id, d->model);
    snprintf(d->bdev.name, sizeof d->bdev.name, "hd%c", 'a' + c * ATA_DEVICES_PER_CHANNEL + slave);
    d->bdev.role = BLOCK_ROLE_DISK;
    d->bdev.sector_count = ata_sectors(id, d->lba48);
    d->bdev.ops = &ata_ops;
    d->bdev.priv = d;
    d->ch->disk[slave] = d;
    block_register(&d->bdev);
    ata_print(d);
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
        if (err == ERR_OK && ata_add(c, slave, id, ch->bm != 0))
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
    if (kernel_cmdline.ata_pio) {
        if (kernel_cmdline.verbose)
            printf("ata: PIO (ata=pio)\n");
    } else {
        ata_dma_init(ata_channels);
    }
    for (int c = 0; c < ATA_CHANNELS; c++)
        ata_probe_channel(c, id);
    kfree(id);
}
