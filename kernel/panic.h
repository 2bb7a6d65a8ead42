/* Kernel panic and assertions: for broken kernel invariants only, never for
 * user input. A panic prints "Kernel PANIC ...", a symbolized backtrace, and
 * ends QEMU with the panic exit code. */
#pragma once
#include <stdint.h>

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);
/* boot_fail: this machine cannot run the kernel (a missing CPU feature, a
 * bad boot handoff, too little memory): print "boot: MESSAGE" on the
 * console (serial and VGA) and power off with the failure code
 * (SHUTDOWN_FAILURE, QEMU exit status 37), as boot/boot.asm does for what
 * it checks. For refusals before the kernel can run; never for kernel
 * bugs (those panic). */
__attribute__((noreturn, format(printf, 1, 2))) void boot_fail(const char *fmt, ...);

#define ASSERT(cond)                                                                        \
    do {                                                                                    \
        if (!(cond))                                                                        \
            panic("%s:%d: %s: assertion `%s' failed", __FILE__, __LINE__, __func__, #cond); \
    } while (0)

#define NOT_REACHED() panic("%s:%d: %s: not reached", __FILE__, __LINE__, __func__)

/* panic_at: panic with a backtrace starting at frame RBP of instruction RIP
 * (used by the trap path to show the faulting context). */
__attribute__((noreturn, format(printf, 3, 4))) void panic_at(uint64_t rip, uint64_t rbp,
                                                              const char *fmt, ...);
/* backtrace_print: print the call chain from frame pointer RBP. */
void backtrace_print(uint64_t rip, uint64_t rbp);
