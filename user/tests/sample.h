/* The contents of sample.txt (a data file attached to the read tests),
 * for tests that compare what they read with what the file holds. */
#pragma once

static const char sample[] = "A process sees its own flat address space: text at 0x400000,\n"
                             "data on the page after it, the stack just under USER_STACK.\n"
                             "None of these pages need be there when the program starts.\n"
                             "The first touch of a page faults, and the kernel decides:\n"
                             "read it from the executable, fill it with zeros, bring it\n"
                             "back from swap, or end the process with exit(-1).\n"
                             "Files opened before a fork are open in the child as well,\n"
                             "each with an offset of its own, copied at the fork.\n"
                             "An executable that is running cannot be written to.\n";

/* SAMPLE_LEN: bytes in sample.txt (the array holds a NUL more). */
#define SAMPLE_LEN (sizeof sample - 1)
