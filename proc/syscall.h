/* System calls (numbers and semantics: ABI.md). The entry is
 * proc/syscall_entry.asm; syscall_dispatch runs the handler with interrupts
 * enabled on the thread's kernel stack. */
#pragma once

struct trap_frame;

enum syscall_number {
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

/* syscall_init: enable syscall/sysret (EFER.SCE, STAR, LSTAR, SFMASK). */
void syscall_init(void);
/* syscall_dispatch: run the call named by TF's rax; result in TF's rax. */
void syscall_dispatch(struct trap_frame *tf);
/* usertrap_init: handlers for faults from user mode and int 0x42. */
void usertrap_init(void);
