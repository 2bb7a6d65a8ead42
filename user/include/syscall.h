/* System calls of the user ABI (see ABI.md): numbers, types and stubs.
 * Every stub is one `syscall` instruction: number in rax, arguments in
 * rdi, rsi, rdx, r10, r8, r9, result in rax; only rcx and r11 are clobbered. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi.h"

typedef int pid_t;
typedef long off_t;

#define PID_ERROR ((pid_t)-1)
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* halt: power the machine off; prints no exit line. */
__attribute__((noreturn)) void halt(void);
/* exit: end the process with STATUS; the kernel prints "NAME: exit(STATUS)". */
__attribute__((noreturn)) void exit(int status);
/* fork: copy this process; the child (named NAME) gets 0, the parent the
 * child's pid or PID_ERROR. */
pid_t fork(const char *name);
/* exec: replace the program by CMDLINE; returns only if the kernel does
 * (the ABI says a failed exec ends the process with -1). */
int exec(const char *cmdline);
/* wait: the exit status of direct child PID, or -1 (killed, not a child,
 * already waited for). */
int wait(pid_t pid);
bool create(const char *file, unsigned initial_size);
bool remove(const char *file);
/* open: a file descriptor >= 2, or -1. */
int open(const char *file);
int filesize(int fd);
/* read/write: bytes transferred, or -1 on error. */
int read(int fd, void *buffer, unsigned size);
int write(int fd, const void *buffer, unsigned size);
void seek(int fd, unsigned position);
unsigned tell(int fd);
void close(int fd);
/* mmap: ADDR on success, NULL on failure. */
void *mmap(void *addr, size_t length, int writable, int fd, off_t offset);
void munmap(void *addr);

/* File-system extension (optional in the kernel). */
bool chdir(const char *dir);
bool mkdir(const char *dir);
/* readdir: store the next entry name of directory FD (not "." or "..") in
 * NAME; false at the end. */
bool readdir(int fd, char name[READDIR_MAX_LEN + 1]);
bool isdir(int fd);
int inumber(int fd);
int symlink(const char *target, const char *linkpath);
/* dup2: make NEWFD refer to OLDFD's file; NEWFD or -1. */
int dup2(int oldfd, int newfd);

/* get_phys_addr: the kernel address of the frame backing the page of UADDR
 * (page aligned), or 0 if that page is not resident (int $0x42). */
uint64_t get_phys_addr(const void *uaddr);

/* syscall6: issue system call NR with up to six arguments; returns rax. */
static inline long syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
    register long r10 __asm__("r10") = a4;
    register long r8 __asm__("r8") = a5;
    register long r9 __asm__("r9") = a6;
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}
