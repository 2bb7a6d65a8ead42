/* The console: every byte of kernel and user output goes to both the serial
 * port and the VGA screen. console_write is atomic with respect to other
 * writers, so one call prints one unbroken piece. */
#pragma once
#include <stddef.h>

void console_init(void);
void console_write(const char *buf, size_t len);
void console_putc(char c);
/* console_panic_mode: drop the console lock for good (panic path). */
void console_panic_mode(void);
