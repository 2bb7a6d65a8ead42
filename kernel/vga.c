/* VGA text-mode output at physical 0xb8000, reached through the direct map.
 * Handles newline, carriage return, backspace, tab and scrolling. */
#include <stdint.h>
#include "kernel/cpu.h"
#include "kernel/string.h"
#include "kernel/vga.h"
#include "mm/memlayout.h"

#define VGA_PHYS         0xb8000
#define VGA_COLS         80
#define VGA_ROWS         25
#define VGA_ATTR         0x07 /* light grey on black */
#define VGA_CRTC_INDEX   0x3d4
#define VGA_CRTC_DATA    0x3d5
#define CRTC_CURSOR_HIGH 0x0e
#define CRTC_CURSOR_LOW  0x0f
#define TAB_WIDTH        8

static uint16_t *vga_buf;
static unsigned vga_row, vga_col;

static uint16_t vga_cell(char c)
{
    return (uint16_t)(unsigned char)c | (VGA_ATTR << 8);
}

static void vga_update_cursor(void)
{
    unsigned pos = vga_row * VGA_COLS + vga_col;
    outb(VGA_CRTC_INDEX, CRTC_CURSOR_HIGH);
    outb(VGA_CRTC_DATA, pos >> 8);
    outb(VGA_CRTC_INDEX, CRTC_CURSOR_LOW);
    outb(VGA_CRTC_DATA, pos & 0xff);
}

static void vga_scroll(void)
{
    memmove(vga_buf, vga_buf + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * sizeof *vga_buf);
    for (unsigned c = 0; c < VGA_COLS; c++)
        vga_buf[(VGA_ROWS - 1) * VGA_COLS + c] = vga_cell(' ');
    vga_row = VGA_ROWS - 1;
}

void vga_init(void)
{
    vga_buf = phys_to_virt(VGA_PHYS);
    for (unsigned i = 0; i < VGA_ROWS * VGA_COLS; i++)
        vga_buf[i] = vga_cell(' ');
    vga_row = vga_col = 0;
    vga_update_cursor();
}

/* vga_draw: draw C at the cursor, interpreting control characters (the
 * hardware cursor is not moved). */
static void vga_draw(char c)
{
    if (c == '\n') {
        vga_col = 0;
        vga_row++;
    } else if (c == '\r') {
        vga_col = 0;
    } else if (c == '\b') {
        if (vga_col > 0)
            vga_col--;
    } else if (c == '\t') {
        vga_col = (vga_col + TAB_WIDTH) & ~(TAB_WIDTH - 1);
    } else {
        vga_buf[vga_row * VGA_COLS + vga_col++] = vga_cell(c);
    }
    if (vga_col >= VGA_COLS) {
        vga_col = 0;
        vga_row++;
    }
    if (vga_row >= VGA_ROWS)
        vga_scroll();
}

void vga_write(const char *buf, size_t len)
{
    if (!vga_buf)
        return;
    for (size_t i = 0; i < len; i++)
        vga_draw(buf[i]);
    vga_update_cursor(); /* four port writes: once per write, not per character */
}
