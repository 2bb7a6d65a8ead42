/* COM1 UART (16550) at 115200 8N1: polled output, interrupt-driven input. */
#pragma once
#include <stdbool.h>

void serial_init(void);
/* serial_rx_interrupt: enable (ON) or mask the receive-data interrupt;
 * the caller serialises calls (the console input lock). */
void serial_rx_interrupt(bool on);
void serial_putc(char c);
/* serial_try_getc: a received byte, or -1 if none is waiting. */
int serial_try_getc(void);
