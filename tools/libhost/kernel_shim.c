/* Host stand-ins for the kernel services the library uses: panic prints
 * "Kernel PANIC: ..." to stderr and aborts; spinlocks only check that they
 * are not taken twice (the host tests are single-threaded). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "kernel/panic.h"
#include "kernel/sync.h"

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("Kernel PANIC: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
    abort();
}

void spin_init(struct spinlock *s, const char *name)
{
    s->locked = 0;
    s->saved_flags = 0;
    s->name = name;
}

void spin_lock(struct spinlock *s)
{
    if (s->locked)
        panic("spin_lock: %s already held", s->name);
    s->locked = 1;
}

void spin_unlock(struct spinlock *s)
{
    if (!s->locked)
        panic("spin_unlock: %s not held", s->name);
    s->locked = 0;
}
