/* Console input ring buffer (see input.h). The buffer is guarded by a
 * spinlock (the producers are interrupt handlers); a semaphore counts the
 * bytes in it, so a reader sleeps until the first byte arrives. A full
 * buffer drops new bytes. */
#include <stdbool.h>
#include <stdint.h>
#include "kernel/cpu.h"
#include "kernel/input.h"
#include "kernel/pic.h"
#include "kernel/serial.h"
#include "kernel/sync.h"

#define INPUT_BUF_SIZE 256
#define KBD_DATA_PORT  0x60
#define KBD_RELEASE    0x80
#define SC_LSHIFT      0x2a
#define SC_RSHIFT      0x36
#define SC_EXTENDED    0xe0
#define SC_TABLE_SIZE  0x3a

static struct spinlock input_lock = {.name = "input"};
static struct semaphore input_avail;
static char ring[INPUT_BUF_SIZE];
static size_t ring_head, ring_count;
static bool shift_down;

/* Scancode set 1 -> ASCII, unshifted and shifted (0 = no character). */
static const char sc_plain[SC_TABLE_SIZE] = {
    0,    27,  '1', '2', '3', '4', '5', '6', '7', '8', '9',  '0', '-', '=',  '\b',
    '\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p',  '[', ']', '\n', 0,
    'a',  's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0,   '\\', 'z',
    'x',  'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0,   '*',  0,   ' ',
};
static const char sc_shift[SC_TABLE_SIZE] = {
    0,    27,  '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+',  '\b',
    '\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\n', 0,
    'A',  'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0,   '|',  'Z',
    'X',  'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0,   '*', 0,   ' ',
};

void input_putc(char c)
{
    spin_lock(&input_lock);
    bool stored = ring_count < INPUT_BUF_SIZE;
    if (stored) {
        ring[(ring_head + ring_count) % INPUT_BUF_SIZE] = c;
        ring_count++;
    }
    spin_unlock(&input_lock);
    if (stored)
        sema_up(&input_avail);
}

/* serial_interrupt: drain the UART's receive FIFO. */
static void serial_interrupt(struct trap_frame *tf)
{
    (void)tf;
    int c;
    while ((c = serial_try_getc()) >= 0)
        input_putc(c == '\r' ? '\n' : (char)c);
}

/* keyboard_interrupt: translate one scancode (make codes only). */
static void keyboard_interrupt(struct trap_frame *tf)
{
    (void)tf;
    uint8_t sc = inb(KBD_DATA_PORT);
    if (sc == SC_EXTENDED)
        return;
    bool release = sc & KBD_RELEASE;
    uint8_t code = sc & ~KBD_RELEASE;
    if (code == SC_LSHIFT || code == SC_RSHIFT) {
        shift_down = !release;
        return;
    }
    if (release || code >= SC_TABLE_SIZE)
        return;
    char c = shift_down ? sc_shift[code] : sc_plain[code];
    if (c)
        input_putc(c);
}

void input_init(void)
{
    sema_init(&input_avail, 0);
    irq_register(IRQ_COM1, serial_interrupt);
    irq_register(IRQ_KEYBOARD, keyboard_interrupt);
}

/* ring_pop: take the oldest byte; the caller has taken one unit of
 * input_avail for it, so the ring is not empty. */
static char ring_pop(void)
{
    spin_lock(&input_lock);
    char c = ring[ring_head];
    ring_head = (ring_head + 1) % INPUT_BUF_SIZE;
    ring_count--;
    spin_unlock(&input_lock);
    return c;
}

size_t input_read(char *buf, size_t size)
{
    if (size == 0)
        return 0;
    sema_down(&input_avail);
    size_t n = 0;
    buf[n++] = ring_pop();
    while (n < size && sema_try_down(&input_avail))
        buf[n++] = ring_pop();
    return n;
}
