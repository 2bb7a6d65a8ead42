/* Power-off mechanisms, most specific first. */
#include "drivers/shutdown.h"
#include "kernel/cpu.h"

#define DEBUG_EXIT_PORT    0xf4
#define ACPI_PM1A_CNT_PORT 0x604 /* QEMU's PIIX4 PM control register */
#define ACPI_SLP_EN_S5     0x2000

void shutdown_power_off(enum shutdown_code code)
{
    cli();
    outl(DEBUG_EXIT_PORT, code);
    outw(ACPI_PM1A_CNT_PORT, ACPI_SLP_EN_S5);
    for (;;)
        hlt();
}
