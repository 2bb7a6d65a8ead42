/* Console input: one ring buffer of bytes typed on the serial line (COM1
 * receive interrupt) or the PS/2 keyboard (scancode set 1 translated to
 * ASCII). Interrupt handlers produce; threads consume and sleep while the
 * buffer is empty. No byte is dropped: while the buffer is full the
 * devices are held off (see input.c). */
#pragma once
#include <stddef.h>

/* input_init: register the COM1 and keyboard interrupt handlers. */
void input_init(void);
/* input_read: wait for at least one byte, then move up to SIZE buffered
 * bytes into BUF (kernel memory). Returns the count (>= 1 when SIZE > 0). */
size_t input_read(char *buf, size_t size);
