/* fw_cfg over the legacy I/O interface: write a 16-bit selector, then read
 * the item byte by byte. The file directory (item 0x19) lists big-endian
 * {size, select, reserved, name[56]} records. */
#include <stdint.h>
#include "drivers/fw_cfg.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/string.h"

#define FW_CFG_PORT_SEL  0x510
#define FW_CFG_PORT_DATA 0x511
#define FW_CFG_SIGNATURE 0x0000
#define FW_CFG_FILE_DIR  0x0019
#define FW_CFG_NAME_LEN  56

struct fw_cfg_file {
    uint32_t size;   /* big-endian */
    uint16_t select; /* big-endian */
    uint16_t reserved;
    char name[FW_CFG_NAME_LEN];
};

static void fw_cfg_read(void *buf, size_t len)
{
    uint8_t *p = buf;
    for (size_t i = 0; i < len; i++)
        p[i] = inb(FW_CFG_PORT_DATA);
}

static uint32_t be32(uint32_t v)
{
    return __builtin_bswap32(v);
}
static uint16_t be16(uint16_t v)
{
    return __builtin_bswap16(v);
}

static bool fw_cfg_present(void)
{
    char sig[4];
    outw(FW_CFG_PORT_SEL, FW_CFG_SIGNATURE);
    fw_cfg_read(sig, sizeof sig);
    return memcmp(sig, "QEMU", sizeof sig) == 0;
}

int fw_cfg_read_file(const char *name, char *buf, size_t size)
{
    if (size == 0 || !fw_cfg_present())
        return ERR_NOT_FOUND;
    uint32_t count;
    outw(FW_CFG_PORT_SEL, FW_CFG_FILE_DIR);
    fw_cfg_read(&count, sizeof count);
    for (uint32_t i = 0; i < be32(count); i++) {
        struct fw_cfg_file f;
        fw_cfg_read(&f, sizeof f);
        if (strncmp(f.name, name, FW_CFG_NAME_LEN) != 0)
            continue;
        size_t len = be32(f.size) < size - 1 ? be32(f.size) : size - 1;
        outw(FW_CFG_PORT_SEL, be16(f.select));
        fw_cfg_read(buf, len);
        buf[len] = '\0';
        return (int)len;
    }
    return ERR_NOT_FOUND;
}
