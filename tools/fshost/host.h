/* Host harness support: the kernel interfaces fs/ uses, implemented over
 * the host C library, plus a block device backed by a disk-image file. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "drivers/block.h"

/* host_disk_open: the partition of IMAGE starting at sector START with
 * COUNT sectors, as a block device. Exits on error. */
struct block_device *host_disk_open(const char *image, uint64_t start, uint64_t count);
void host_disk_close(struct block_device *dev);
/* host_heap_in_use: bytes allocated through kmalloc and not freed. */
size_t host_heap_in_use(void);
/* host_write_hook: if set, called with every block_write (sectors
 * relative to the device) before it reaches the image (the fuzzer uses it
 * to catch file data written over metadata). */
extern void (*host_write_hook)(uint64_t sector, uint32_t count, const void *buf);
