/* PCI configuration mechanism #1: an address word written to 0xcf8 (enable
 * bit, bus, device, function, register) opens a 32-bit window at 0xcfc.
 *
 * pci_init walks buses 0..255, devices 0..31 and, for a multi-function
 * device (header-type bit 7 on function 0), functions 0..7. Each present
 * function (vendor != 0xffff) is recorded with its ids, class, interrupt
 * line and BARs. A BAR's size is found by writing all ones and reading
 * back the mask of writable bits (with I/O and memory decoding off during
 * the probe); a 64-bit memory BAR takes two slots. The registry is a fixed
 * array filled once at boot, read-only afterwards, so it needs no lock. */
#include "drivers/pci.h"
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/printf.h"

#define PCI_CONFIG_ADDRESS        0xcf8
#define PCI_CONFIG_DATA           0xcfc
#define PCI_ADDR_ENABLE           (1u << 31)
#define PCI_BUSES                 256
#define PCI_DEVICES_PER_BUS       32
#define PCI_FUNCTIONS             8
#define PCI_MAX_DEVICES           64
#define PCI_VENDOR_NONE           0xffff
#define PCI_HEADER_MULTI_FUNCTION 0x80
#define PCI_HEADER_TYPE_MASK      0x7f
#define PCI_HEADER_GENERAL        0
#define PCI_HEADER_BRIDGE         1
#define PCI_BRIDGE_BARS           2

#define PCI_BAR_IO_FLAG       0x1u
#define PCI_BAR_IO_MASK       0xfffffffcu
#define PCI_BAR_MEM_MASK      0xfffffff0u
#define PCI_BAR_MEM_TYPE_MASK 0x6u
#define PCI_BAR_MEM_TYPE_64   0x4u
#define PCI_BAR_MEM_PREFETCH  0x8u
#define PCI_CAP_PTR_MASK      0xfc
#define PCI_CAP_MAX_WALK      48

static struct pci_device pci_devices[PCI_MAX_DEVICES];
static int pci_device_count;
static bool pci_scanned;

static uint32_t pci_address(uint8_t bus, uint8_t dev, uint8_t func, uint8_t off)
{
    return PCI_ADDR_ENABLE | (uint32_t)bus << 16 | (uint32_t)dev << 11 | (uint32_t)func << 8 |
           (off & 0xfc);
}

static uint32_t pci_raw_read32(uint8_t bus, uint8_t dev, uint8_t func, uint8_t off)
{
    outl(PCI_CONFIG_ADDRESS, pci_address(bus, dev, func, off));
    return inl(PCI_CONFIG_DATA);
}

uint32_t pci_read32(const struct pci_device *d, uint8_t off)
{
    return pci_raw_read32(d->bus, d->dev, d->func, off);
}

uint16_t pci_read16(const struct pci_device *d, uint8_t off)
{
    return (uint16_t)(pci_read32(d, off) >> ((off & 2) * 8));
}

uint8_t pci_read8(const struct pci_device *d, uint8_t off)
{
    return (uint8_t)(pci_read32(d, off) >> ((off & 3) * 8));
}

void pci_write32(const struct pci_device *d, uint8_t off, uint32_t v)
{
    outl(PCI_CONFIG_ADDRESS, pci_address(d->bus, d->dev, d->func, off));
    outl(PCI_CONFIG_DATA, v);
}

void pci_write16(const struct pci_device *d, uint8_t off, uint16_t v)
{
    outl(PCI_CONFIG_ADDRESS, pci_address(d->bus, d->dev, d->func, off));
    outw(PCI_CONFIG_DATA + (off & 2), v);
}

/* pci_probe_size: write all ones to the BAR at OFF, return the read-back
 * value and restore the original. Decoding must be off. */
static uint32_t pci_probe_size(const struct pci_device *d, uint8_t off)
{
    uint32_t orig = pci_read32(d, off);
    pci_write32(d, off, 0xffffffffu);
    uint32_t mask = pci_read32(d, off);
    pci_write32(d, off, orig);
    return mask;
}

/* pci_read_bar: decode BAR slot I of D; returns the number of slots used
 * (2 for a 64-bit memory BAR, else 1). */
static int pci_read_bar(struct pci_device *d, int i)
{
    uint8_t off = PCI_CFG_BAR0 + 4 * i;
    uint32_t lo = pci_read32(d, off);
    struct pci_bar *b = &d->bar[i];
    uint32_t mask = pci_probe_size(d, off);
    if (mask == 0 || mask == 0xffffffffu)
        return 1;
    if (lo & PCI_BAR_IO_FLAG) {
        b->type = PCI_BAR_IO;
        b->base = lo & PCI_BAR_IO_MASK;
        b->size = (~(mask & PCI_BAR_IO_MASK) + 1) & 0xffff;
        return 1;
    }
    b->type = PCI_BAR_MEM;
    b->prefetchable = lo & PCI_BAR_MEM_PREFETCH;
    b->base = lo & PCI_BAR_MEM_MASK;
    uint64_t size_mask = 0xffffffff00000000ull | (mask & PCI_BAR_MEM_MASK);
    if ((lo & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64 && i + 1 < PCI_MAX_BARS) {
        b->is64 = true;
        b->base |= (uint64_t)pci_read32(d, off + 4) << 32;
        size_mask = (uint64_t)pci_probe_size(d, off + 4) << 32 | (mask & PCI_BAR_MEM_MASK);
    }
    b->size = ~size_mask + 1;
    return b->is64 ? 2 : 1;
}

/* pci_read_bars: all BARs of D, with I/O and memory decoding disabled while
 * probing so no half-written address decodes. */
static void pci_read_bars(struct pci_device *d)
{
    int nbars = d->header_type == PCI_HEADER_GENERAL  ? PCI_MAX_BARS
                : d->header_type == PCI_HEADER_BRIDGE ? PCI_BRIDGE_BARS
                                                      : 0;
    uint16_t cmd = pci_read16(d, PCI_CFG_COMMAND);
    pci_write16(d, PCI_CFG_COMMAND, cmd & ~(PCI_CMD_IO | PCI_CMD_MEMORY));
    for (int i = 0; i < nbars;)
        i += pci_read_bar(d, i);
    pci_write16(d, PCI_CFG_COMMAND, cmd);
}

/* pci_add: record function BUS:DEV.FUNC (present) in the registry. */
static void pci_add(uint8_t bus, uint8_t dev, uint8_t func)
{
    if (pci_device_count == PCI_MAX_DEVICES) {
        printf("pci: registry full, %02x:%02x.%x ignored\n", bus, dev, func);
        return;
    }
    struct pci_device *d = &pci_devices[pci_device_count++];
    d->bus = bus;
    d->dev = dev;
    d->func = func;
    d->vendor = pci_read16(d, PCI_CFG_VENDOR);
    d->device = pci_read16(d, PCI_CFG_DEVICE);
    d->revision = pci_read8(d, PCI_CFG_REVISION);
    d->prog_if = pci_read8(d, PCI_CFG_PROG_IF);
    d->subclass = pci_read8(d, PCI_CFG_SUBCLASS);
    d->class_code = pci_read8(d, PCI_CFG_CLASS);
    d->header_type = pci_read8(d, PCI_CFG_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;
    d->irq_line = pci_read8(d, PCI_CFG_IRQ_LINE);
    d->irq_pin = pci_read8(d, PCI_CFG_IRQ_PIN);
    if (d->irq_pin == 0 || d->irq_line >= 16)
        d->irq_line = PCI_IRQ_NONE;
    pci_read_bars(d);
}

static void pci_scan_device(uint8_t bus, uint8_t dev)
{
    if ((pci_raw_read32(bus, dev, 0, PCI_CFG_VENDOR) & 0xffff) == PCI_VENDOR_NONE)
        return;
    uint8_t header = pci_raw_read32(bus, dev, 0, PCI_CFG_HEADER_TYPE & 0xfc) >> 16;
    int nfunc = (header & PCI_HEADER_MULTI_FUNCTION) ? PCI_FUNCTIONS : 1;
    for (int f = 0; f < nfunc; f++)
        if ((pci_raw_read32(bus, dev, f, PCI_CFG_VENDOR) & 0xffff) != PCI_VENDOR_NONE)
            pci_add(bus, dev, f);
}

static void pci_print(const struct pci_device *d)
{
    printf("pci %02x:%02x.%x %04x:%04x class %02x.%02x.%02x irq %d", d->bus, d->dev, d->func,
           d->vendor, d->device, d->class_code, d->subclass, d->prog_if,
           d->irq_line == PCI_IRQ_NONE ? -1 : d->irq_line);
    for (int i = 0; i < PCI_MAX_BARS; i++) {
        const struct pci_bar *b = &d->bar[i];
        if (b->type != PCI_BAR_NONE)
            printf(" bar%d=%s:%lx/%lx%s", i, b->type == PCI_BAR_IO ? "io" : "mem", b->base, b->size,
                   b->is64 ? "(64)" : "");
    }
    printf("\n");
}

void pci_init(void)
{
    if (pci_scanned)
        return;
    pci_scanned = true;
    for (int bus = 0; bus < PCI_BUSES; bus++)
        for (int dev = 0; dev < PCI_DEVICES_PER_BUS; dev++)
            pci_scan_device(bus, dev);
    if (kernel_cmdline.verbose)
        for (int i = 0; i < pci_device_count; i++)
            pci_print(&pci_devices[i]);
}

/* pci_next: the registry entry after PREV (the first for NULL), or NULL. */
static struct pci_device *pci_next(struct pci_device *prev)
{
    struct pci_device *d = prev ? prev + 1 : pci_devices;
    return d < pci_devices + pci_device_count ? d : NULL;
}

struct pci_device *pci_find(uint16_t vendor, uint16_t device, struct pci_device *prev)
{
    for (struct pci_device *d = pci_next(prev); d; d = pci_next(d))
        if ((vendor == PCI_ANY || d->vendor == vendor) &&
            (device == PCI_ANY || d->device == device))
            return d;
    return NULL;
}

struct pci_device *pci_find_class(uint8_t class_code, uint8_t subclass, struct pci_device *prev)
{
    for (struct pci_device *d = pci_next(prev); d; d = pci_next(d))
        if (d->class_code == class_code && d->subclass == subclass)
            return d;
    return NULL;
}

void pci_enable(struct pci_device *d, uint16_t bits)
{
    pci_write16(d, PCI_CFG_COMMAND, pci_read16(d, PCI_CFG_COMMAND) | bits);
}

uint8_t pci_find_capability(const struct pci_device *d, uint8_t id, uint8_t start)
{
    if (!(pci_read16(d, PCI_CFG_STATUS) & PCI_STATUS_CAP_LIST))
        return 0;
    uint8_t off = start ? pci_read8(d, start + 1) : pci_read8(d, PCI_CFG_CAP_PTR);
    for (int n = 0; n < PCI_CAP_MAX_WALK && (off & PCI_CAP_PTR_MASK); n++) {
        off &= PCI_CAP_PTR_MASK;
        if (pci_read8(d, off) == id)
            return off;
        off = pci_read8(d, off + 1);
    }
    return 0;
}
