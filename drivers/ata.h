/* ATA PIO driver for the legacy IDE channels of the PIIX controller. */
#pragma once

/* ata_init: probe both legacy channels (master and slave), register each
 * ATA disk as hda..hdd; ATAPI devices and absent devices are skipped. */
void ata_init(void);
/* ata_report: print what the probe found on each legacy channel (no
 * controller, disks, devices that are not disks), for storage_report. */
void ata_report(void);
