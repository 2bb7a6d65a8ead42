/* ATA driver for the legacy IDE channels of the PIIX controller:
 * bus-master DMA where the controller has it, PIO otherwise. */
#pragma once

/* ata_init: probe both legacy channels (master and slave), register each
 * ATA disk as hda..hdd; ATAPI devices and absent devices are skipped.
 * Uses bus-master DMA if a PCI IDE controller offers it and `ata=pio` is
 * not on the command line. Needs pci_init first. */
void ata_init(void);
/* ata_report: print what the probe found on each legacy channel (no
 * controller, disks, devices that are not disks), for storage_report. */
void ata_report(void);
