/* PCI configuration space through mechanism #1 (ports 0xcf8/0xcfc): a boot
 * scan of every bus/device/function into a small registry that drivers
 * search by vendor/device or by class. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#define PCI_MAX_BARS 6

/* Configuration-space offsets (type 0 header). */
#define PCI_CFG_VENDOR      0x00
#define PCI_CFG_DEVICE      0x02
#define PCI_CFG_COMMAND     0x04
#define PCI_CFG_STATUS      0x06
#define PCI_CFG_REVISION    0x08
#define PCI_CFG_PROG_IF     0x09
#define PCI_CFG_SUBCLASS    0x0a
#define PCI_CFG_CLASS       0x0b
#define PCI_CFG_HEADER_TYPE 0x0e
#define PCI_CFG_BAR0        0x10
#define PCI_CFG_CAP_PTR     0x34
#define PCI_CFG_IRQ_LINE    0x3c
#define PCI_CFG_IRQ_PIN     0x3d

/* Command register bits. */
#define PCI_CMD_IO           (1u << 0)
#define PCI_CMD_MEMORY       (1u << 1)
#define PCI_CMD_BUS_MASTER   (1u << 2)
#define PCI_CMD_INTX_DISABLE (1u << 10)

#define PCI_STATUS_CAP_LIST (1u << 4)
#define PCI_IRQ_NONE        0xff

enum pci_bar_type {
    PCI_BAR_NONE,
    PCI_BAR_IO,
    PCI_BAR_MEM,
};

struct pci_bar {
    enum pci_bar_type type;
    uint64_t base; /* port number or physical address */
    uint64_t size; /* bytes, found by probing */
    bool is64;     /* memory BAR taking this and the next slot */
    bool prefetchable;
};

struct pci_device {
    uint8_t bus, dev, func;
    uint16_t vendor, device;
    uint8_t class_code, subclass, prog_if, revision;
    uint8_t header_type; /* without the multi-function bit */
    uint8_t irq_line;    /* PCI_IRQ_NONE when not routed */
    uint8_t irq_pin;     /* 0 = none, 1..4 = INTA..INTD */
    struct pci_bar bar[PCI_MAX_BARS];
};

/* pci_init: scan all buses once (idempotent); with -v list the devices. */
void pci_init(void);

/* pci_find: the next device after PREV (NULL: the first) matching VENDOR
 * and DEVICE (PCI_ANY matches everything), or NULL. */
#define PCI_ANY 0xffff
struct pci_device *pci_find(uint16_t vendor, uint16_t device, struct pci_device *prev);
/* pci_find_class: like pci_find, by class and subclass. */
struct pci_device *pci_find_class(uint8_t class_code, uint8_t subclass, struct pci_device *prev);

/* Configuration-space access of DEV at byte offset OFF (naturally aligned). */
uint32_t pci_read32(const struct pci_device *dev, uint8_t off);
uint16_t pci_read16(const struct pci_device *dev, uint8_t off);
uint8_t pci_read8(const struct pci_device *dev, uint8_t off);
void pci_write32(const struct pci_device *dev, uint8_t off, uint32_t v);
void pci_write16(const struct pci_device *dev, uint8_t off, uint16_t v);

/* pci_enable: set command-register BITS (PCI_CMD_IO/MEMORY/BUS_MASTER). */
void pci_enable(struct pci_device *dev, uint16_t bits);
/* pci_find_capability: config offset of the first capability with ID that
 * follows the capability at offset START (0: from the list head), or 0. */
uint8_t pci_find_capability(const struct pci_device *dev, uint8_t id, uint8_t start);
