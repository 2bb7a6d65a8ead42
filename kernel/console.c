/* Console output multiplexer: serial + VGA, one spinlock so that a write is
 * never interleaved with another. Serial lines end "\r\n". */
#include <stdbool.h>
#include "kernel/console.h"
#include "kernel/serial.h"
#include "kernel/sync.h"
#include "kernel/vga.h"

static struct spinlock console_lock;
static bool console_unlocked; /* panic: never wait for a lock again */

void console_init(void)
{
    spin_init(&console_lock, "console");
    serial_init();
    vga_init();
}

static void console_emit(const char *buf, size_t len)
{
    serial_write(buf, len);
    vga_write(buf, len);
}

void console_write(const char *buf, size_t len)
{
    if (console_unlocked) {
        console_emit(buf, len);
        return;
    }
    spin_lock(&console_lock);
    console_emit(buf, len);
    spin_unlock(&console_lock);
}

void console_putc(char c)
{
    console_write(&c, 1);
}

void console_panic_mode(void)
{
    console_unlocked = true;
}
