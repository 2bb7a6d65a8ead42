/* COM1 UART (16550) at 115200 8N1: polled output, interrupt-driven input. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

void serial_init(void);
/* serial_rx_interrupt: enable (ON) or mask the receive-data interrupt;
 * the caller serialises calls (the console input lock). */
void serial_rx_interrupt(bool on);
/* serial_write: send LEN bytes of BUF, each '\n' as "\r\n" (polled: returns
 * once the last byte is in the transmit FIFO). The caller serialises calls
 * (the console lock). */
void serial_write(const char *buf, size_t len);
/* serial_try_getc: a received byte, or -1 if none is waiting. */
int serial_try_getc(void);
