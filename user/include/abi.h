/* The user ABI (ABI.md) as constants, in one header shared by the kernel
 * (proc/, mm/) and the user library: system-call numbers, the address-space
 * layout a program sees, the user-callable interrupt vectors. A change here
 * is a change of the contract. */
#pragma once

/* System call numbers (rax at `syscall`). */
enum abi_syscall {
    SYS_HALT = 0,
    SYS_EXIT = 1,
    SYS_FORK = 2,
    SYS_EXEC = 3,
    SYS_WAIT = 4,
    SYS_CREATE = 5,
    SYS_REMOVE = 6,
    SYS_OPEN = 7,
    SYS_FILESIZE = 8,
    SYS_READ = 9,
    SYS_WRITE = 10,
    SYS_SEEK = 11,
    SYS_TELL = 12,
    SYS_CLOSE = 13,
    SYS_MMAP = 14,
    SYS_MUNMAP = 15,
    SYS_CHDIR = 16,
    SYS_MKDIR = 17,
    SYS_READDIR = 18,
    SYS_ISDIR = 19,
    SYS_INUMBER = 20,
    SYS_SYMLINK = 21,
    SYS_DUP2 = 22,
    SYS_COUNT,
};

/* Address space. */
#define USER_TOP 0x8004000000ul      /* user space is [0, USER_TOP) */
#define USER_TEXT_BASE 0x400000ul    /* first text page */
#define USER_STACK 0x47480000ul      /* top of the stack, exclusive */
#define USER_STACK_LIMIT (1ul << 20) /* the stack may grow this far below USER_STACK */

/* Longest name readdir returns, not counting the terminating NUL. */
#define READDIR_MAX_LEN 14

/* User-callable interrupt vectors (DPL 3). */
#define ABI_VEC_PHYS_ADDR 0x42  /* rax: user address -> kernel address of its frame, or 0 */
#define ABI_VEC_DISK_READS 0x43 /* optional disk counters */
#define ABI_VEC_DISK_WRITES 0x44
