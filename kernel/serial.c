/* COM1 serial port driver (16550 UART). Output is polled: once the line
 * status says the transmit FIFO is empty, the next UART_TX_FIFO_BYTES
 * bytes go without asking again (each port access is slow under QEMU's
 * TCG: one status read per byte doubled the cost of a line). Input is
 * read by the console's interrupt handler. */
#include "kernel/cpu.h"
#include "kernel/serial.h"

#define COM1               0x3f8
#define UART_DATA          0 /* RBR/THR, or divisor low with DLAB */
#define UART_IER           1 /* interrupt enable, or divisor high with DLAB */
#define UART_FCR           2 /* FIFO control */
#define UART_LCR           3 /* line control */
#define UART_MCR           4 /* modem control */
#define UART_LSR           5 /* line status */
#define LCR_DLAB           0x80
#define LCR_8N1            0x03
#define FCR_ENABLE_CLEAR   0xc7 /* enable FIFOs, clear them, 14-byte threshold */
#define MCR_DTR_RTS_OUT2   0x0b /* OUT2 gates the IRQ line */
#define IER_RX_AVAILABLE   0x01
#define LSR_DATA_READY     0x01
#define LSR_THR_EMPTY      0x20 /* with FIFOs on: the transmit FIFO is empty */
#define UART_TX_FIFO_BYTES 16   /* 16550A transmit FIFO */
#define UART_CLOCK         115200
#define BAUD               115200

void serial_init(void)
{
    unsigned divisor = UART_CLOCK / BAUD;
    outb(COM1 + UART_IER, 0);
    outb(COM1 + UART_LCR, LCR_DLAB);
    outb(COM1 + UART_DATA, divisor & 0xff);
    outb(COM1 + UART_IER, divisor >> 8);
    outb(COM1 + UART_LCR, LCR_8N1);
    outb(COM1 + UART_FCR, FCR_ENABLE_CLEAR);
    outb(COM1 + UART_MCR, MCR_DTR_RTS_OUT2);
    outb(COM1 + UART_IER, IER_RX_AVAILABLE);
}

/* serial_rx_interrupt: enable or mask the received-data-available
 * interrupt (16550 datasheet, IER bit 0). Masked, received bytes stay in
 * the UART's FIFO (and QEMU stops passing more). Enabled with data
 * waiting, the UART raises its interrupt at once. */
void serial_rx_interrupt(bool on)
{
    outb(COM1 + UART_IER, on ? IER_RX_AVAILABLE : 0);
}

/* put_byte: send C, waiting for an empty FIFO when the *ROOM bytes known
 * free in it are used up. */
static void put_byte(char c, unsigned *room)
{
    if (*room == 0) {
        while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
            ;
        *room = UART_TX_FIFO_BYTES;
    }
    outb(COM1 + UART_DATA, (unsigned char)c);
    (*room)--;
}

void serial_write(const char *buf, size_t len)
{
    unsigned room = 0; /* the FIFO may hold the last write's bytes still */
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n')
            put_byte('\r', &room);
        put_byte(buf[i], &room);
    }
}

int serial_try_getc(void)
{
    if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
        return -1;
    return inb(COM1 + UART_DATA);
}
