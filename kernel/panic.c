/* Panic: print the message and a symbolized backtrace, then end the run
 * with the panic exit code. Interrupts stay off; a nested panic (a fault
 * while panicking) skips the backtrace and powers off at once. */
#include <stdarg.h>
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/ksyms.h"
#include "kernel/panic.h"
#include "kernel/printf.h"
#include "drivers/shutdown.h"
#include "mm/memlayout.h"

#define BACKTRACE_MAX_FRAMES 32

static int panic_depth;

static void print_frame(uint64_t rip)
{
    uint64_t off;
    const char *name = ksyms_lookup(rip, &off);
    if (name)
        printf("  [<%016lx>] %s+0x%lx\n", rip, name, off);
    else
        printf("  [<%016lx>] ?\n", rip);
}

/* frame_ok: RBP looks like a kernel stack frame we may dereference. */
static bool frame_ok(uint64_t rbp)
{
    return rbp >= KERNEL_HALF_BASE && (rbp & 7) == 0;
}

void backtrace_print(uint64_t rip, uint64_t rbp)
{
    printf("Backtrace:\n");
    print_frame(rip);
    for (int i = 0; i < BACKTRACE_MAX_FRAMES && frame_ok(rbp); i++) {
        uint64_t ret = ((uint64_t *)rbp)[1];
        if (ret == 0)
            break; /* the fake return address pushed before kmain */
        print_frame(ret - 1);
        rbp = ((uint64_t *)rbp)[0];
    }
}

static __attribute__((noreturn)) void panic_common(uint64_t rip, uint64_t rbp, const char *fmt,
                                                   va_list ap)
{
    cli();
    console_panic_mode();
    if (++panic_depth > 1) {
        printf("Kernel PANIC recursion\n");
        shutdown_power_off(SHUTDOWN_PANIC);
    }
    printf("Kernel PANIC: ");
    vprintf(fmt, ap);
    printf("\n");
    backtrace_print(rip, rbp);
    shutdown_power_off(SHUTDOWN_PANIC);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    panic_common((uint64_t)__builtin_return_address(0), *(uint64_t *)__builtin_frame_address(0),
                 fmt, ap);
}

void panic_at(uint64_t rip, uint64_t rbp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    panic_common(rip, rbp, fmt, ap);
}

void boot_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli();
    printf("boot: ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    shutdown_power_off(SHUTDOWN_FAILURE);
}
