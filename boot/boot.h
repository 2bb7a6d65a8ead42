/* Symbols of the Multiboot2 entry stub (boot/boot.asm) that C code uses. */
#pragma once

/* The boot stack, BOOT_STACK_SIZE (= KSTACK_SIZE) bytes: the main thread's
 * stack. The page just below boot_stack_bottom is its guard (unmapped by
 * paging_init). */
extern char boot_stack_bottom[], boot_stack_top[];
