/* MBR partitions. Sector 0 ends with the signature 0x55 0xaa; at offset
 * 446 sit four 16-byte entries {status, CHS first, type, CHS last, LBA
 * start, sector count} (little endian). Each usable primary entry becomes a
 * block device of its own whose transfers go to the parent disk shifted by
 * the start sector; block_read (block_readv) on the partition has already checked the
 * range against the partition's size. Extended partitions are not
 * followed. A bad table yields no partitions, never a panic. */
#include "drivers/mbr.h"
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"

#define MBR_ENTRIES          4
#define MBR_TABLE_OFFSET     446
#define MBR_SIGNATURE_OFFSET 510
#define MBR_SIGNATURE_0      0x55
#define MBR_SIGNATURE_1      0xaa
#define MBR_TYPE_EMPTY       0x00

struct mbr_entry {
    uint8_t status;
    uint8_t chs_first[3];
    uint8_t type;
    uint8_t chs_last[3];
    uint32_t lba_start;
    uint32_t sector_count;
} __attribute__((packed));

static int part_readv(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                      uint32_t nseg)
{
    return block_readv(dev->parent, dev->start + sector, segs, nseg);
}

static int part_writev(struct block_device *dev, uint64_t sector, const struct block_seg *segs,
                       uint32_t nseg)
{
    return block_writev(dev->parent, dev->start + sector, segs, nseg);
}

static int part_flush(struct block_device *dev)
{
    return block_flush(dev->parent);
}

static const struct block_ops part_ops = {
    .readv = part_readv, .writev = part_writev, .flush = part_flush};

/* mbr_role: the role of partition type TYPE, or OTHER. */
static enum block_role mbr_role(uint8_t type)
{
    if (type == MBR_TYPE_LINUX)
        return BLOCK_ROLE_FILESYS;
    if (type == MBR_TYPE_SWAP)
        return BLOCK_ROLE_SWAP;
    return BLOCK_ROLE_OTHER;
}

/* mbr_add: register entry E (number N, 1-based) of DISK; 1 if registered. */
static int mbr_add(struct block_device *disk, const struct mbr_entry *e, int n)
{
    enum block_role role = mbr_role(e->type);
    uint64_t end = (uint64_t)e->lba_start + e->sector_count;
    bool fits = e->sector_count && e->lba_start && end <= disk->sector_count;
    if (kernel_cmdline.verbose || !fits)
        printf("mbr: %s%d type %02x start %u size %u%s\n", disk->name, n, e->type, e->lba_start,
               e->sector_count,
               !fits                      ? " (outside the disk, ignored)"
               : role == BLOCK_ROLE_OTHER ? " (ignored)"
                                          : "");
    if (!fits || role == BLOCK_ROLE_OTHER)
        return 0;
    struct block_device *p = kzalloc(sizeof *p);
    if (!p)
        return ERR_NO_MEMORY;
    snprintf(p->name, sizeof p->name, "%s%d", disk->name, n);
    p->role = role;
    p->sector_count = e->sector_count;
    p->ops = &part_ops;
    p->parent = disk;
    p->start = e->lba_start;
    block_register(p);
    return 1;
}

int mbr_scan(struct block_device *disk)
{
    uint8_t *sector = kmalloc(BLOCK_SECTOR_SIZE);
    if (!sector)
        return ERR_NO_MEMORY;
    int found = block_read(disk, 0, 1, sector);
    if (found < 0 || sector[MBR_SIGNATURE_OFFSET] != MBR_SIGNATURE_0 ||
        sector[MBR_SIGNATURE_OFFSET + 1] != MBR_SIGNATURE_1)
        goto out;
    struct mbr_entry table[MBR_ENTRIES];
    memcpy(table, sector + MBR_TABLE_OFFSET, sizeof table);
    for (int i = 0; i < MBR_ENTRIES && found >= 0; i++) {
        if (table[i].type == MBR_TYPE_EMPTY)
            continue;
        int r = mbr_add(disk, &table[i], i + 1);
        found = r < 0 ? r : found + r;
    }
out:
    kfree(sector);
    return found;
}

void mbr_scan_all(void)
{
    for (struct block_device *d = block_next(NULL); d; d = block_next(d)) {
        if (d->role != BLOCK_ROLE_DISK)
            continue;
        int n = mbr_scan(d);
        if (n < 0)
            printf("mbr: %s: %s\n", d->name, err_name(n));
    }
}
