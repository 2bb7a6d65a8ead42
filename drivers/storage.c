/* Storage bring-up: discover the controllers, register their disks, then
 * the partitions on them. Order: PCI first (virtio needs the registry),
 * then ATA (hda..hdd), virtio (vda..), and last the MBR scan of all disks. */
#include "drivers/ata.h"
#include "drivers/block.h"
#include "drivers/mbr.h"
#include "drivers/pci.h"
#include "drivers/virtio_blk.h"

void storage_init(void)
{
    pci_init();
    ata_init();
    virtio_blk_init();
    mbr_scan_all();
}
