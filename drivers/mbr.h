/* MBR partition tables: the four primary entries of sector 0. */
#pragma once
#include "drivers/block.h"

#define MBR_TYPE_LINUX 0x83
#define MBR_TYPE_SWAP  0x82

/* mbr_scan: register the primary partitions of DISK (a whole disk) as block
 * devices named DISK's name + number (hda1): type 0x83 as FILESYS, 0x82 as
 * SWAP; other types are listed with -v and ignored. Returns the number
 * registered, 0 without a valid signature, or a negative ERR_ code. */
int mbr_scan(struct block_device *disk);
/* mbr_scan_all: mbr_scan every registered BLOCK_ROLE_DISK. */
void mbr_scan_all(void);
