/* VGA text mode console (80x25, colour), scrolling, hardware cursor. */
#pragma once

void vga_init(void);
void vga_putc(char c);
