/* VGA text mode console (80x25, colour), scrolling, hardware cursor. */
#pragma once
#include <stddef.h>

void vga_init(void);
/* vga_write: draw the LEN characters of BUF at the cursor (control
 * characters \n, \r, \b, \t interpreted), scrolling as needed; the
 * hardware cursor is moved once, at the end. The caller serialises calls
 * (the console lock). */
void vga_write(const char *buf, size_t len);
