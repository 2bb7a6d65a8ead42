/* Machine power-off through QEMU's isa-debug-exit device (QEMU then exits
 * with status (code << 1) | 1), falling back to ACPI power-off and, failing
 * that, halting forever.
 *   SHUTDOWN_OK      0x10 -> QEMU exit status 33: clean power-off
 *   SHUTDOWN_PANIC   0x11 -> 35: kernel panic
 *   SHUTDOWN_FAILURE 0x12 -> 37: bad command line, failed boot action, or a
 *                               machine the kernel cannot run on (boot_fail) */
#pragma once

enum shutdown_code {
    SHUTDOWN_OK = 0x10,
    SHUTDOWN_PANIC = 0x11,
    SHUTDOWN_FAILURE = 0x12,
};

__attribute__((noreturn)) void shutdown_power_off(enum shutdown_code code);
