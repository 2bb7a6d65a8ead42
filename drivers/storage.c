/* Storage bring-up: discover the controllers, register their disks, then
 * the partitions on them. Order: PCI first (virtio needs the registry),
 * then ATA (hda..hdd), virtio (vda..), and last the MBR scan of all disks.
 * storage_report tells what was found when that is not enough. */
#include "drivers/ata.h"
#include "drivers/block.h"
#include "drivers/mbr.h"
#include "drivers/pci.h"
#include "drivers/virtio_blk.h"
#include "kernel/printf.h"

/* PCI class 01h, mass storage (PCI Code and ID Assignment spec): the
 * subclasses named in the report. */
#define PCI_CLASS_STORAGE 0x01
#define PCI_STORAGE_SCSI  0x00
#define PCI_STORAGE_IDE   0x01
#define PCI_STORAGE_RAID  0x04
#define PCI_STORAGE_ATA   0x05
#define PCI_STORAGE_SATA  0x06
#define PCI_STORAGE_SAS   0x07
#define PCI_STORAGE_NVM   0x08
#define PCI_SATA_AHCI     0x01 /* programming interface of an AHCI controller */
#define SECTORS_PER_MIB   (1024 * 1024 / BLOCK_SECTOR_SIZE)

void storage_init(void)
{
    pci_init();
    ata_init();
    virtio_blk_init();
    mbr_scan_all();
}

/* controller_kind: what mass-storage function P is, and whether a driver
 * of this kernel takes it (*DRIVEN). */
static const char *controller_kind(const struct pci_device *p, bool *driven)
{
    *driven = virtio_blk_matches(p) || p->subclass == PCI_STORAGE_IDE;
    if (virtio_blk_matches(p))
        return "virtio-blk";
    switch (p->subclass) {
    case PCI_STORAGE_SCSI: return "SCSI controller";
    case PCI_STORAGE_IDE: return "IDE controller (the legacy channels)";
    case PCI_STORAGE_RAID: return "RAID controller";
    case PCI_STORAGE_ATA: return "ATA controller (ADMA)";
    case PCI_STORAGE_SATA:
        return p->prog_if == PCI_SATA_AHCI ? "SATA controller (AHCI)" : "SATA controller";
    case PCI_STORAGE_SAS: return "SAS controller";
    case PCI_STORAGE_NVM: return "NVMe controller";
    default: return "storage controller";
    }
}

/* report_controllers: one line per PCI mass-storage function; returns
 * whether one of them is an AHCI controller. */
static bool report_controllers(void)
{
    bool ahci = false;
    for (struct pci_device *p = pci_find(PCI_ANY, PCI_ANY, NULL); p;
         p = pci_find(PCI_ANY, PCI_ANY, p)) {
        if (p->class_code != PCI_CLASS_STORAGE)
            continue;
        bool driven;
        const char *kind = controller_kind(p, &driven);
        printf("storage: PCI %02x:%02x.%x %04x:%04x: %s, %s\n", p->bus, p->dev, p->func, p->vendor,
               p->device, kind, driven ? "driven" : "not supported");
        ahci |= p->subclass == PCI_STORAGE_SATA && p->prog_if == PCI_SATA_AHCI;
    }
    return ahci;
}

/* report_disks: the registered disks on one line; false if there are none. */
static bool report_disks(void)
{
    bool any = false;
    for (struct block_device *d = block_next(NULL); d; d = block_next(d)) {
        if (d->role != BLOCK_ROLE_DISK)
            continue;
        printf("%s %s (%lu MiB)", any ? "," : "storage: disks:", d->name,
               (unsigned long)(d->sector_count / SECTORS_PER_MIB));
        any = true;
    }
    printf(any ? "\n" : "storage: no disk found\n");
    return any;
}

/* storage_report: see block.h. */
void storage_report(void)
{
    ata_report();
    bool ahci = report_controllers();
    if (!report_disks() && ahci)
        printf("storage: AHCI/SATA is not supported: attach the disk to IDE (QEMU -machine pc)"
               " or as a virtio disk (-drive if=virtio)\n");
}
