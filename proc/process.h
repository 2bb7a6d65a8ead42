/* User processes. Each runs on one kernel thread and owns an address space
 * (its page table), a file-descriptor table, a current directory and its
 * running executable (writes to it are denied while it runs).
 *
 * Life cycle: process_execute or fork creates a process as the child of
 * the caller (or of the kernel) and starts its thread; exec replaces its
 * image; process_exit (exit, a fault, or a failed exec) prints the exit
 * line, releases everything the process holds and leaves a zombie (pid and
 * status) until the parent waits for it or exits itself. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kernel/list.h"
#include "kernel/sync.h"
#include "mm/paging.h"

#define PROC_NAME_MAX 15
#define PROC_MAX      1024 /* live and zombie processes at once */
#define PROC_KILLED   (-1) /* exit status of a process the kernel ended */

typedef int pid_t;

struct thread;
struct trap_frame;
struct fd_table;
struct inode;
struct file;
struct spt;

struct process {
    pid_t pid;
    char name[PROC_NAME_MAX + 1];
    /* Guarded by proc_lock (process.c): */
    struct list children;        /* children not yet waited for */
    struct list_node child_node; /* in the parent's children */
    int refs;                    /* the process itself + its parent */
    bool exited;
    int exit_status;
    struct semaphore exited_sema; /* upped once when the process exits */
    /* Owned by the process's own thread: */
    struct thread *thread;
    struct spt *spt; /* address space; NULL before the first image, after exit */
    struct fd_table *fds;
    struct inode *cwd;      /* NULL = the root directory */
    struct file *exec_file; /* the running executable */
    uint64_t user_rsp;      /* user rsp saved at the last syscall entry */
};

/* process_init: system-call MSRs, user-fault handlers, int 0x42. */
void process_init(void);
/* process_current: the process of the running thread, or NULL. */
struct process *process_current(void);
/* process_activate: make T's address space and kernel stack current
 * (called by the scheduler on every switch, interrupts off); a kernel
 * thread keeps the address space that is loaded (its user half unused). */
void process_activate(struct thread *t);

/* process_execute: start CMDLINE as a new process, child of the caller
 * (or of the kernel); returns its pid or a negative ERR_ code. A load
 * failure shows up as an exit status of -1. */
pid_t process_execute(const char *cmdline);
/* process_wait: wait for direct child PID to exit; its status, or -1 when
 * PID is not a child that has not been waited for yet. */
int process_wait(pid_t pid);
/* process_settle: wait up to TIMEOUT_TICKS until no user process is left
 * (orphans run on after `run` returns); true if none is. */
bool process_settle(uint64_t timeout_ticks);
/* process_exit: end the current process with STATUS (prints the exit
 * line). The caller must hold no lock. */
__attribute__((noreturn)) void process_exit(int status);
/* process_fork: a copy of the current process named NAME, resuming at
 * user state TF with rax = 0; its pid, or a negative ERR_ code. */
pid_t process_fork(const char *name, const struct trap_frame *tf);
/* process_release_files: close P's descriptors, executable and directory
 * (P's own thread, or a P that never ran). halt calls it before powering
 * off so the file system unmounts with nothing of this process open. */
void process_release_files(struct process *p);
/* process_exec: replace the current image by CMDLINE (kernel memory) and
 * set TF to its entry state. On failure (nothing changed) returns a
 * negative ERR_ code: the caller frees what it holds and ends the process
 * with PROC_KILLED, as ABI.md wants. */
int process_exec(const char *cmdline, struct trap_frame *tf);
