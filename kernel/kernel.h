/* Top-level kernel control: boot actions, subsystem start-up after the
 * core is up, and power-off. */
#pragma once
#include "drivers/shutdown.h"
#include "kernel/cmdline.h"

/* The actions the command line may name (terminated by a NULL name). */
extern const struct cmdline_action_desc kernel_actions[];

/* kernel_init_subsystems: start drivers and file systems (thread context). */
void kernel_init_subsystems(void);
/* kernel_run_actions: run the command line's actions in order; returns the
 * number that failed. */
int kernel_run_actions(void);
/* kernel_shutdown_hooks: flush everything that must reach the disk. */
void kernel_shutdown_hooks(void);
/* kernel_power_off: print the timer line and power off with CODE. */
__attribute__((noreturn)) void kernel_power_off(enum shutdown_code code);
