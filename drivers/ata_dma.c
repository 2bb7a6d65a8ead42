/* Bus-master IDE DMA of the PIIX (Intel 82371AB PIIX4 datasheet, section
 * "Bus Master IDE I/O Registers"; QEMU's PIIX3 IDE, PCI 8086:7010, has the
 * same). BAR4 of the IDE function is 16 bytes of I/O space, 8 per channel:
 *
 *   +0 BMICX  command: bit 0 SSBM start/stop, bit 3 RWCON (1: the
 *             controller writes memory, i.e. a disk read)
 *   +2 BMISX  status: bit 0 active, bit 1 error, bit 2 interrupt (bits 1
 *             and 2 are cleared by writing 1), bits 5/6 drive 0/1 DMA
 *             capable (set by the firmware, kept as they are)
 *   +4 BMIDTP physical address of the PRD table (dword aligned)
 *
 * A physical region descriptor (PRD) is {32-bit physical base, 16-bit byte
 * count (0 means 64 KiB), flags with EOT on the last}; a region must not
 * cross a 64 KiB boundary, nor may the table. Each channel's table is one
 * page-aligned page in the kernel image, so it sits below 4 GiB and
 * crosses nothing. A transfer (datasheet, "Bus Master IDE Operation"):
 * table filled and its address written, direction set and status cleared
 * (ata_dma_arm); the drive gets READ/WRITE DMA; SSBM set (ata_dma_start);
 * the drive interrupts at the end; SSBM cleared, then the controller
 * status and the drive status read (ata_dma_stop, ata.c). */
#include "drivers/ata_internal.h"
#include "drivers/pci.h"
#include "kernel/cmdline.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/printf.h"
#include "mm/memlayout.h"

#define ATA_BM_CMD           0
#define ATA_BM_STATUS        2
#define ATA_BM_PRD_ADDR      4
#define ATA_BM_CHANNEL_SPAN  8
#define ATA_BM_CMD_START     0x01
#define ATA_BM_CMD_TO_MEMORY 0x08
#define ATA_BM_BAR           4

#define PCI_CLASS_STORAGE         0x01
#define PCI_SUBCLASS_IDE          0x01
#define PCI_IDE_PROGIF_NATIVE_0   0x01 /* primary channel in native (PCI) mode */
#define PCI_IDE_PROGIF_NATIVE_1   0x04 /* secondary channel in native mode */
#define PCI_IDE_PROGIF_BUS_MASTER 0x80

#define ATA_PRD_EOT      0x8000
#define ATA_PRD_ENTRIES  (PAGE_SIZE / sizeof(struct ata_prd))
#define ATA_PRD_BOUNDARY 0x10000ull   /* a region stays inside 64 KiB */
#define ATA_DMA_LIMIT    (1ull << 32) /* 32-bit physical addresses */

struct ata_prd {
    uint32_t addr;
    uint16_t bytes; /* 0 means 64 KiB */
    uint16_t flags;
};

static struct ata_prd ata_prd_tables[ATA_CHANNELS][PAGE_SIZE / sizeof(struct ata_prd)]
    __attribute__((aligned(PAGE_SIZE)));

_Static_assert(ATA_DMA_MAX_BYTES / PAGE_SIZE + 1 <= ATA_PRD_ENTRIES,
               "a PRD table holds a maximal transfer page by page");

#define barrier() __asm__ volatile("" ::: "memory")

/* ata_find_controller: the first IDE function with both channels in
 * compatibility mode (the legacy ports ata.c drives) and a bus-master
 * I/O BAR, or NULL. */
static struct pci_device *ata_find_controller(void)
{
    for (struct pci_device *p = pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, NULL); p;
         p = pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, p)) {
        bool native = p->prog_if & (PCI_IDE_PROGIF_NATIVE_0 | PCI_IDE_PROGIF_NATIVE_1);
        if (!native && (p->prog_if & PCI_IDE_PROGIF_BUS_MASTER) &&
            p->bar[ATA_BM_BAR].type == PCI_BAR_IO && p->bar[ATA_BM_BAR].base)
            return p;
    }
    return NULL;
}

bool ata_dma_init(struct ata_channel *channels)
{
    struct pci_device *p = ata_find_controller();
    if (!p) {
        if (kernel_cmdline.verbose)
            printf("ata: no bus-master IDE controller: PIO\n");
        return false;
    }
    pci_enable(p, PCI_CMD_IO | PCI_CMD_BUS_MASTER);
    uint16_t base = p->bar[ATA_BM_BAR].base;
    for (int c = 0; c < ATA_CHANNELS; c++) {
        channels[c].bm = base + c * ATA_BM_CHANNEL_SPAN;
        channels[c].prd = ata_prd_tables[c];
        outb(channels[c].bm + ATA_BM_CMD, 0);
    }
    if (kernel_cmdline.verbose)
        printf("ata: bus-master DMA: IDE controller %04x:%04x at %02x:%02x.%x, registers at "
               "io 0x%x\n",
               p->vendor, p->device, p->bus, p->dev, p->func, base);
    return true;
}

/* prd_extends: the region of PRD can grow by the piece [PA, PA + LEN):
 * it ends at PA and stays inside one 64 KiB window. LEN_NOW is its size. */
static bool prd_extends(const struct ata_prd *prd, uint32_t len_now, paddr_t pa, size_t len)
{
    return prd->addr + len_now == pa &&
           prd->addr / ATA_PRD_BOUNDARY == (pa + len - 1) / ATA_PRD_BOUNDARY;
}

/* prd_add: describe the piece [PA, PA + LEN) in CH's table of *N regions,
 * the last *LAST bytes long: extend that one if it can, else start a new
 * one. False (nothing changed) if that needs a region the table lacks. */
static bool prd_add(struct ata_channel *ch, size_t *n, uint32_t *last, paddr_t pa, size_t len)
{
    if (*n && prd_extends(&ch->prd[*n - 1], *last, pa, len)) {
        *last += len;
    } else if (*n == ATA_PRD_ENTRIES) {
        return false;
    } else {
        ch->prd[(*n)++] = (struct ata_prd){.addr = (uint32_t)pa};
        *last = len;
    }
    ch->prd[*n - 1].bytes = (uint16_t)*last; /* 64 KiB wraps to 0, as it must */
    return true;
}

long ata_dma_map(struct ata_channel *ch, struct block_cursor at, size_t bytes)
{
    size_t n = 0, done = 0;
    uint32_t last = 0; /* bytes of prd[n - 1] */
    if (bytes == 0 || bytes > ATA_DMA_MAX_BYTES)
        return ERR_UNSUPPORTED;
    while (done < bytes) {
        uint8_t *p;
        size_t piece = block_cursor_piece(&at, bytes - done, &p);
        paddr_t pa = virt_to_phys(p);
        if ((uintptr_t)p & 1 || pa + piece > ATA_DMA_LIMIT)
            return ERR_UNSUPPORTED;
        if (!prd_add(ch, &n, &last, pa, piece))
            break;
        done += piece;
        block_cursor_advance(&at, piece);
    }
    /* The table filled mid-sector: that sector goes in the next command.
     * Its bytes here are the end of the last region (a sector spans two
     * pieces at most, the first of them as long as the part it holds). */
    size_t excess = done % BLOCK_SECTOR_SIZE;
    last -= (uint32_t)excess;
    if (excess && last == 0)
        n--;
    else if (excess)
        ch->prd[n - 1].bytes = (uint16_t)last;
    ch->prd[n - 1].flags = ATA_PRD_EOT;
    return (long)(done - excess);
}

void ata_dma_arm(struct ata_channel *ch, bool to_memory)
{
    barrier(); /* the PRD table is written before the controller reads it */
    outb(ch->bm + ATA_BM_CMD, 0);
    outl(ch->bm + ATA_BM_PRD_ADDR, (uint32_t)virt_to_phys(ch->prd));
    outb(ch->bm + ATA_BM_STATUS,
         inb(ch->bm + ATA_BM_STATUS) | ATA_BM_STATUS_ERROR | ATA_BM_STATUS_IRQ);
    outb(ch->bm + ATA_BM_CMD, to_memory ? ATA_BM_CMD_TO_MEMORY : 0);
}

void ata_dma_start(struct ata_channel *ch)
{
    outb(ch->bm + ATA_BM_CMD, inb(ch->bm + ATA_BM_CMD) | ATA_BM_CMD_START);
}

uint8_t ata_dma_stop(struct ata_channel *ch)
{
    outb(ch->bm + ATA_BM_CMD, inb(ch->bm + ATA_BM_CMD) & ~ATA_BM_CMD_START);
    uint8_t s = inb(ch->bm + ATA_BM_STATUS);
    outb(ch->bm + ATA_BM_STATUS, s | ATA_BM_STATUS_ERROR | ATA_BM_STATUS_IRQ);
    barrier(); /* the caller reads what the controller wrote only now */
    return s;
}
