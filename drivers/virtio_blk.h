/* virtio-blk over PCI (legacy transport 1af4:1001, modern 1af4:1042). */
#pragma once
#include <stdbool.h>

struct pci_device;

/* virtio_blk_init: bring up every virtio-blk PCI function and register it
 * as vda, vdb, ... (BLOCK_ROLE_DISK). Needs pci_init first. */
void virtio_blk_init(void);
/* virtio_blk_matches: P is a virtio-blk function this driver takes. */
bool virtio_blk_matches(const struct pci_device *p);
