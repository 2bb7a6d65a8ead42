/* RAM disks: block devices backed by memory, for tests that need a disk
 * they may fill or corrupt without touching the real one.
 *
 * A RAM disk reads as zeros until written; its 4 KiB pages are allocated on
 * first write (so a large, mostly empty disk costs little). The block
 * registry never removes a device, so the RAMDISK_MAX slots ("ram0",
 * "ram1", ...) are registered on first use and stay registered: a destroyed
 * RAM disk keeps its name with a size of 0 sectors (every transfer fails
 * with ERR_INVALID) until it is created again. Thread context only. */
#pragma once
#include <stdint.h>

#include "drivers/block.h"

#define RAMDISK_MAX 2

/* ramdisk_create: a zero-filled RAM disk of SECTORS sectors, registered
 * with BLOCK_ROLE_OTHER (never mistaken for the real file system). Returns
 * ERR_TOO_MANY if every slot is in use, ERR_NO_MEMORY, ERR_INVALID for 0. */
int ramdisk_create(uint64_t sectors, struct block_device **out);
/* ramdisk_destroy: free DEV's memory (made by ramdisk_create); the slot
 * becomes free for the next create. No one may be using DEV. */
void ramdisk_destroy(struct block_device *dev);
