/* Console input ring buffer (see input.h). The buffer is guarded by a
 * spinlock (the producers are interrupt handlers); a semaphore counts the
 * bytes in it, so a reader sleeps until the first byte arrives.
 *
 * No byte is ever dropped: a full buffer holds the devices off instead.
 * The serial handler stops reading the UART and masks its receive-data
 * interrupt (16550 datasheet: IER bit 0), so the bytes wait in the UART's
 * FIFO and, behind it, on the sending side (QEMU stops reading its
 * chardev; a pasting host blocks). The keyboard handler leaves the
 * scancode in the 8042's output buffer (the keyboard queues what follows,
 * as far as it can). When a reader has drained the buffer to
 * INPUT_RESUME_LEVEL, the UART's interrupt is unmasked (it fires at once
 * if data waits) and a waiting scancode is taken by polling. */
#include <stdbool.h>
#include <stdint.h>
#include "kernel/cpu.h"
#include "kernel/input.h"
#include "kernel/panic.h"
#include "kernel/pic.h"
#include "kernel/serial.h"
#include "kernel/sync.h"

#define INPUT_BUF_SIZE     256
#define INPUT_RESUME_LEVEL (INPUT_BUF_SIZE / 2) /* take input again at or below */
#define KBD_DATA_PORT      0x60
#define KBD_STATUS_PORT    0x64
#define KBD_STATUS_OBF     0x01 /* output buffer full: a byte waits at port 0x60 */
#define KBD_RELEASE        0x80
#define SC_LSHIFT          0x2a
#define SC_RSHIFT          0x36
#define SC_EXTENDED        0xe0
#define SC_TABLE_SIZE      0x3a

static struct spinlock input_lock = {.name = "input"};
static struct semaphore input_avail;
static char ring[INPUT_BUF_SIZE];
static size_t ring_head, ring_count;
static bool shift_down;
static bool serial_held;   /* the UART's receive interrupt is masked */
static bool keyboard_held; /* a scancode waits in the 8042, unread */

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

/* ring_push_locked: append C; the caller holds input_lock and has checked
 * there is room. The caller ups input_avail once the lock is dropped. */
static void ring_push_locked(char c)
{
    ASSERT(ring_count < INPUT_BUF_SIZE);
    ring[(ring_head + ring_count) % INPUT_BUF_SIZE] = c;
    ring_count++;
}

/* serial_take_locked: move received bytes from the UART into the ring
 * while it has room (CR becomes LF); when it is full, mask the UART's
 * receive interrupt. Returns the bytes moved. Holds input_lock. */
static size_t serial_take_locked(void)
{
    size_t n = 0;
    int c;
    while (ring_count < INPUT_BUF_SIZE && (c = serial_try_getc()) >= 0) {
        ring_push_locked(c == '\r' ? '\n' : (char)c);
        n++;
    }
    if (ring_count == INPUT_BUF_SIZE && !serial_held) {
        serial_held = true;
        serial_rx_interrupt(false);
    }
    return n;
}

/* sema_up_n: N units of input_avail (bytes just queued). */
static void sema_up_n(size_t n)
{
    while (n-- > 0)
        sema_up(&input_avail);
}

/* take_input: run TAKE_LOCKED (a device's *_take_locked) under input_lock
 * and wake readers for the characters it queued. */
static void take_input(size_t (*take_locked)(void))
{
    spin_lock(&input_lock);
    size_t n = take_locked();
    spin_unlock(&input_lock);
    sema_up_n(n);
}

/* serial_interrupt: drain the UART's receive FIFO into the ring. */
static void serial_interrupt(struct trap_frame *tf)
{
    (void)tf;
    take_input(serial_take_locked);
}

/* translate: the character of scancode SC (set 1, make codes only; shift
 * state tracked), or 0 for none. */
static char translate(uint8_t sc)
{
    if (sc == SC_EXTENDED)
        return 0;
    bool release = sc & KBD_RELEASE;
    uint8_t code = sc & ~KBD_RELEASE;
    if (code == SC_LSHIFT || code == SC_RSHIFT) {
        shift_down = !release;
        return 0;
    }
    if (release || code >= SC_TABLE_SIZE)
        return 0;
    return shift_down ? sc_shift[code] : sc_plain[code];
}

/* keyboard_take_locked: while the ring has room and the 8042 has a byte,
 * read and translate it; with the ring full, leave it there (held).
 * Returns the characters queued. Holds input_lock. */
static size_t keyboard_take_locked(void)
{
    size_t n = 0;
    while (inb(KBD_STATUS_PORT) & KBD_STATUS_OBF) {
        if (ring_count == INPUT_BUF_SIZE) {
            keyboard_held = true;
            return n;
        }
        char c = translate(inb(KBD_DATA_PORT));
        if (c) {
            ring_push_locked(c);
            n++;
        }
    }
    keyboard_held = false;
    return n;
}

/* keyboard_interrupt: take the waiting scancode(s) if there is room. */
static void keyboard_interrupt(struct trap_frame *tf)
{
    (void)tf;
    take_input(keyboard_take_locked);
}

void input_init(void)
{
    sema_init(&input_avail, 0);
    irq_register(IRQ_COM1, serial_interrupt);
    irq_register(IRQ_KEYBOARD, keyboard_interrupt);
}

/* resume_locked: with the ring drained to INPUT_RESUME_LEVEL, take input
 * from held devices again: unmask the UART's receive interrupt (raised at
 * once if bytes wait) and poll the 8042 (its interrupt does not repeat for
 * a byte left waiting). Returns the characters queued. Holds input_lock. */
static size_t resume_locked(void)
{
    if (ring_count > INPUT_RESUME_LEVEL)
        return 0;
    if (serial_held) {
        serial_held = false;
        serial_rx_interrupt(true);
    }
    return keyboard_held ? keyboard_take_locked() : 0;
}

/* ring_pop: take the oldest byte; the caller has taken one unit of
 * input_avail for it, so the ring is not empty. */
static char ring_pop(void)
{
    spin_lock(&input_lock);
    char c = ring[ring_head];
    ring_head = (ring_head + 1) % INPUT_BUF_SIZE;
    ring_count--;
    size_t n = resume_locked();
    spin_unlock(&input_lock);
    sema_up_n(n);
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
