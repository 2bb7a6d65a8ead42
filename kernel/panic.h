/* Kernel panic and assertions: for broken kernel invariants only, never for
 * user input. A panic prints "Kernel PANIC ...", a symbolized backtrace, and
 * ends QEMU with the panic exit code. */
#pragma once

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

#define ASSERT(cond)                                                              \
    do {                                                                          \
        if (!(cond))                                                              \
            panic("%s:%d: %s: assertion `%s' failed", __FILE__, __LINE__, __func__, #cond); \
    } while (0)

#define NOT_REACHED() panic("%s:%d: %s: not reached", __FILE__, __LINE__, __func__)
