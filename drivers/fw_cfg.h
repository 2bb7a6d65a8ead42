/* QEMU firmware configuration device (I/O ports 0x510/0x511): named files
 * given on the QEMU command line with -fw_cfg name=opt/NAME,string=TEXT. */
#pragma once
#include <stddef.h>

/* fw_cfg_read_file: copy the file NAME (NUL-terminated, truncated to
 * SIZE-1 bytes) into BUF; returns its length or a negative ERR_ code when
 * the device or the file is absent. */
int fw_cfg_read_file(const char *name, char *buf, size_t size);
