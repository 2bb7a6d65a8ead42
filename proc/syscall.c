/* System-call handlers (see syscall.h and ABI.md). Every pointer argument
 * goes through mm/uaccess.h; a bad pointer ends the process with -1
 * (sys_fault), always at a point where the handler holds no lock. File data
 * moves through a kernel bounce buffer, because the file system must not
 * fault while it holds its lock. int arguments (fd, status, pid) are read
 * as 32-bit values. */
#include "fs/file.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/errors.h"
#include "kernel/gdt.h"
#include "kernel/input.h"
#include "kernel/kernel.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "mm/kmalloc.h"
#include "mm/mmap.h"
#include "mm/uaccess.h"
#include "proc/fd.h"
#include "proc/load.h"
#include "proc/process.h"
#include "proc/syscall.h"
#include "proc/thread.h"

#define MSR_STAR          0xc0000081
#define MSR_LSTAR         0xc0000082
#define MSR_SFMASK        0xc0000084
#define EFER_SCE          0x1
#define STAR_KERNEL_SHIFT 32
#define STAR_USER_SHIFT   48
#define STAR_USER_BASE    0x10 /* sysret: cs = base + 16, ss = base + 8 */
#define PATH_MAX_LEN      1024 /* longer names fail cleanly */
#define BOUNCE_SIZE       PAGE_SIZE
#define CONSOLE_PIECE_MAX (64 * 1024) /* a console write up to this is one piece */

typedef long syscall_fn(struct trap_frame *tf);

void syscall_init(void)
{
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
    wrmsr(MSR_STAR, ((uint64_t)STAR_USER_BASE << STAR_USER_SHIFT) |
                        ((uint64_t)SEL_KCODE << STAR_KERNEL_SHIFT));
    wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
    wrmsr(MSR_SFMASK, RFLAGS_IF | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC);
}

/* sys_fault: a bad user pointer ends the process. */
static __attribute__((noreturn)) void sys_fault(void)
{
    process_exit(PROC_KILLED);
}

/* user_path: copy the path at UADDR into a new kernel buffer (kfree it);
 * NULL when it is too long. A bad pointer ends the process. */
static char *user_path(uint64_t uaddr)
{
    char *buf = kmalloc(PATH_MAX_LEN);
    if (!buf)
        return NULL;
    long n = strncpy_from_user(buf, (const char *)uaddr, PATH_MAX_LEN);
    if (n == ERR_FAULT) {
        kfree(buf);
        sys_fault();
    }
    if (n < 0) {
        kfree(buf);
        return NULL;
    }
    return buf;
}

static struct fd_table *fds(void)
{
    return process_current()->fds;
}

/* file_of: the open file FD names, or NULL (console or bad fd). */
static struct file *file_of(uint64_t fd)
{
    struct ofile *of = fd_get(fds(), (int)fd);
    return of && of->kind == OFILE_FILE ? of->file : NULL;
}

static long sys_halt(struct trap_frame *tf)
{
    process_release_files(process_current());
    kernel_power_off(SHUTDOWN_OK);
}

static long sys_exit(struct trap_frame *tf)
{
    process_exit((int)tf->rdi);
}

static long sys_fork(struct trap_frame *tf)
{
    char name[PROC_NAME_MAX + 1];
    long n = strncpy_from_user(name, (const char *)tf->rdi, sizeof name);
    if (n == ERR_FAULT)
        sys_fault();
    pid_t pid = process_fork(name, tf);
    if (pid < 0)
        return -1;
    thread_yield(); /* let the child start first, as PintOS tends to */
    return pid;
}

static long sys_exec(struct trap_frame *tf)
{
    char *cmdline = kmalloc(LOAD_CMDLINE_MAX);
    if (!cmdline)
        process_exit(PROC_KILLED);
    long n = strncpy_from_user(cmdline, (const char *)tf->rdi, LOAD_CMDLINE_MAX);
    int err = n < 0 ? (int)n : process_exec(cmdline, tf);
    kfree(cmdline);
    if (err < 0)
        process_exit(PROC_KILLED);
    return (long)tf->rax; /* the new image's rax (0) */
}

static long sys_wait(struct trap_frame *tf)
{
    return process_wait((int)tf->rdi);
}

static long sys_create(struct trap_frame *tf)
{
    char *path = user_path(tf->rdi);
    int err = path ? fs_create(path, process_current()->cwd, (uint32_t)tf->rsi) : ERR_INVALID;
    kfree(path);
    return err == ERR_OK;
}

static long sys_remove(struct trap_frame *tf)
{
    char *path = user_path(tf->rdi);
    int err = path ? fs_remove(path, process_current()->cwd) : ERR_INVALID;
    kfree(path);
    return err == ERR_OK;
}

static long sys_open(struct trap_frame *tf)
{
    char *path = user_path(tf->rdi);
    struct file *f = NULL;
    int err = path ? file_open(path, process_current()->cwd, &f) : ERR_INVALID;
    kfree(path);
    if (err < 0)
        return -1;
    int fd = fd_install(fds(), f);
    if (fd < 0) {
        file_close(f);
        return -1;
    }
    return fd;
}

static long sys_filesize(struct trap_frame *tf)
{
    struct file *f = file_of(tf->rdi);
    return f ? (long)(int)file_length(f) : -1;
}

/* read_console: up to SIZE bytes of console input into user BUF. */
static long read_console(uint64_t buf, size_t size, char *bounce)
{
    if (size == 0)
        return 0;
    size_t n = input_read(bounce, size < BOUNCE_SIZE ? size : BOUNCE_SIZE);
    if (copy_to_user((void *)buf, bounce, n) < 0) {
        kfree(bounce);
        sys_fault();
    }
    return (long)n;
}

/* read_file: up to SIZE bytes of F into user BUF, a page at a time. */
static long read_file(struct file *f, uint64_t buf, size_t size, char *bounce)
{
    size_t done = 0;
    while (done < size) {
        size_t chunk = size - done < BOUNCE_SIZE ? size - done : BOUNCE_SIZE;
        long n = file_read(f, bounce, chunk);
        if (n < 0)
            return done ? (long)done : -1;
        if (n > 0 && copy_to_user((void *)(buf + done), bounce, (size_t)n) < 0) {
            kfree(bounce);
            sys_fault();
        }
        done += (size_t)n;
        if ((size_t)n < chunk)
            break;
    }
    return (long)done;
}

static long sys_read(struct trap_frame *tf)
{
    uint64_t buf = tf->rsi;
    size_t size = (uint32_t)tf->rdx;
    if (!uaccess_range_ok(buf, size))
        sys_fault();
    struct ofile *of = fd_get(fds(), (int)tf->rdi);
    if (!of || of->kind == OFILE_CONSOLE_OUT)
        return -1;
    char *bounce = kmalloc(BOUNCE_SIZE);
    if (!bounce)
        return -1;
    long n;
    if (of->kind == OFILE_CONSOLE_IN) {
        n = read_console(buf, size, bounce);
    } else {
        n = read_file(of->file, buf, size, bounce);
    }
    kfree(bounce);
    return n;
}

/* write_console: SIZE bytes from user BUF to the console, as one piece
 * when it fits in CONSOLE_PIECE_MAX. */
static long write_console(uint64_t buf, size_t size)
{
    size_t done = 0;
    while (done < size) {
        size_t chunk = size - done < CONSOLE_PIECE_MAX ? size - done : CONSOLE_PIECE_MAX;
        char *piece = kmalloc(chunk);
        if (!piece)
            return done ? (long)done : -1;
        if (copy_from_user(piece, (const void *)(buf + done), chunk) < 0) {
            kfree(piece);
            sys_fault();
        }
        console_write(piece, chunk);
        kfree(piece);
        done += chunk;
    }
    return (long)done;
}

/* write_file: SIZE bytes from user BUF into F, a page at a time. The
 * bytes written: fewer on a full disk (0 when nothing fits: ABI.md's
 * "bytes written"), -1 when the disk fails before any byte is written. */
static long write_file(struct file *f, uint64_t buf, size_t size)
{
    char *bounce = kmalloc(BOUNCE_SIZE);
    if (!bounce)
        return -1;
    size_t done = 0;
    while (done < size) {
        size_t chunk = size - done < BOUNCE_SIZE ? size - done : BOUNCE_SIZE;
        if (copy_from_user(bounce, (const void *)(buf + done), chunk) < 0) {
            kfree(bounce);
            sys_fault();
        }
        long n = file_write(f, bounce, chunk);
        if (n == ERR_NO_SPACE)
            break; /* a full disk: the bytes written so far, maybe 0 (ABI.md) */
        if (n < 0) {
            if (!done)
                done = (size_t)-1;
            break;
        }
        done += (size_t)n;
        if ((size_t)n < chunk)
            break;
    }
    kfree(bounce);
    return (long)done;
}

static long sys_write(struct trap_frame *tf)
{
    uint64_t buf = tf->rsi;
    size_t size = (uint32_t)tf->rdx;
    if (!uaccess_range_ok(buf, size))
        sys_fault();
    struct ofile *of = fd_get(fds(), (int)tf->rdi);
    if (!of || of->kind == OFILE_CONSOLE_IN)
        return -1;
    if (of->kind == OFILE_CONSOLE_OUT)
        return write_console(buf, size);
    return write_file(of->file, buf, size);
}

static long sys_seek(struct trap_frame *tf)
{
    struct file *f = file_of(tf->rdi);
    if (f)
        file_seek(f, (uint32_t)tf->rsi);
    return 0;
}

static long sys_tell(struct trap_frame *tf)
{
    struct file *f = file_of(tf->rdi);
    return f ? (long)(uint32_t)file_tell(f) : -1;
}

static long sys_close(struct trap_frame *tf)
{
    return fd_close(fds(), (int)tf->rdi) < 0 ? -1 : 0;
}

/* sys_mmap: ABI.md "mmap": fd 0 and 1 are never mapped (whatever they
 * name), nor anything but a file; do_mmap checks the rest. NULL on any
 * failure. */
static long sys_mmap(struct trap_frame *tf)
{
    int fd = (int)tf->r10;
    struct file *f = fd == FD_STDIN || fd == FD_STDOUT ? NULL : file_of(fd);
    if (!f)
        return 0;
    int err =
        do_mmap(process_current()->spt, tf->rdi, tf->rsi, (int)tf->rdx != 0, f, (int64_t)tf->r8);
    return err < 0 ? 0 : (long)tf->rdi;
}

/* sys_munmap: an address no mapping starts at is ignored (ABI.md). */
static long sys_munmap(struct trap_frame *tf)
{
    do_munmap(process_current()->spt, tf->rdi);
    return 0;
}

static long sys_chdir(struct trap_frame *tf)
{
    struct process *p = process_current();
    char *path = user_path(tf->rdi);
    struct inode *dir = NULL;
    int err = path ? fs_lookup(path, p->cwd, &dir) : ERR_INVALID;
    kfree(path);
    if (err < 0)
        return false;
    if (!inode_is_dir(dir)) {
        inode_close(dir);
        return false;
    }
    inode_close(p->cwd);
    p->cwd = dir;
    return true;
}

static long sys_mkdir(struct trap_frame *tf)
{
    char *path = user_path(tf->rdi);
    int err = path ? fs_mkdir(path, process_current()->cwd) : ERR_INVALID;
    kfree(path);
    return err == ERR_OK;
}

static long sys_readdir(struct trap_frame *tf)
{
    struct file *f = file_of(tf->rdi);
    if (!f || !file_is_dir(f))
        return false;
    char *name = kmalloc(FS_NAME_MAX + 1);
    if (!name)
        return false;
    int r = fs_readdir(f, name);
    if (r > 0) {
        name[READDIR_MAX_LEN] = '\0';
        if (copy_to_user((void *)tf->rsi, name, strlen(name) + 1) < 0) {
            kfree(name);
            sys_fault();
        }
    }
    kfree(name);
    return r > 0;
}

static long sys_isdir(struct trap_frame *tf)
{
    struct file *f = file_of(tf->rdi);
    return f && file_is_dir(f);
}

static long sys_inumber(struct trap_frame *tf)
{
    struct file *f = file_of(tf->rdi);
    return f ? (long)file_inumber(f) : -1;
}

static long sys_symlink(struct trap_frame *tf)
{
    return -1; /* not supported */
}

static long sys_dup2(struct trap_frame *tf)
{
    int r = fd_dup2(fds(), (int)tf->rdi, (int)tf->rsi);
    return r < 0 ? -1 : r;
}

static syscall_fn *const syscall_table[SYS_COUNT] = {
    [SYS_HALT] = sys_halt,       [SYS_EXIT] = sys_exit,   [SYS_FORK] = sys_fork,
    [SYS_EXEC] = sys_exec,       [SYS_WAIT] = sys_wait,   [SYS_CREATE] = sys_create,
    [SYS_REMOVE] = sys_remove,   [SYS_OPEN] = sys_open,   [SYS_FILESIZE] = sys_filesize,
    [SYS_READ] = sys_read,       [SYS_WRITE] = sys_write, [SYS_SEEK] = sys_seek,
    [SYS_TELL] = sys_tell,       [SYS_CLOSE] = sys_close, [SYS_MMAP] = sys_mmap,
    [SYS_MUNMAP] = sys_munmap,   [SYS_CHDIR] = sys_chdir, [SYS_MKDIR] = sys_mkdir,
    [SYS_READDIR] = sys_readdir, [SYS_ISDIR] = sys_isdir, [SYS_INUMBER] = sys_inumber,
    [SYS_SYMLINK] = sys_symlink, [SYS_DUP2] = sys_dup2,
};

void syscall_dispatch(struct trap_frame *tf)
{
    struct process *p = process_current();
    p->user_rsp = tf->rsp;
    uint64_t nr = tf->rax;
    if (nr >= SYS_COUNT || !syscall_table[nr]) {
        tf->rax = (uint64_t)-1;
        return;
    }
    tf->rax = (uint64_t)syscall_table[nr](tf);
}
