/* System call stubs: one `syscall` instruction each (number in rax,
 * arguments in rdi, rsi, rdx, r10, r8, r9, result in rax). The kernel keeps
 * every register but rax, rcx and r11, so those and memory are the only
 * clobbers. */
#include <syscall.h>

/* Vector of the "physical address of a user page" interrupt (ABI.md). */
#define STR(x) #x
#define XSTR(x) STR(x)
#define GET_PHYS_ADDR_VECTOR XSTR(ABI_VEC_PHYS_ADDR)

#define SYSCALL0(nr) syscall6((nr), 0, 0, 0, 0, 0, 0)
#define SYSCALL1(nr, a) syscall6((nr), (long)(a), 0, 0, 0, 0, 0)
#define SYSCALL2(nr, a, b) syscall6((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYSCALL3(nr, a, b, c) syscall6((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYSCALL5(nr, a, b, c, d, e)                                                                \
    syscall6((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

void halt(void)
{
    SYSCALL0(SYS_HALT);
    __builtin_unreachable();
}

void exit(int status)
{
    SYSCALL1(SYS_EXIT, status);
    __builtin_unreachable();
}

pid_t fork(const char *name)
{
    return (pid_t)SYSCALL1(SYS_FORK, name);
}

int exec(const char *cmdline)
{
    return (int)SYSCALL1(SYS_EXEC, cmdline);
}

int wait(pid_t pid)
{
    return (int)SYSCALL1(SYS_WAIT, pid);
}

bool create(const char *file, unsigned initial_size)
{
    return (bool)SYSCALL2(SYS_CREATE, file, initial_size);
}

bool remove(const char *file)
{
    return (bool)SYSCALL1(SYS_REMOVE, file);
}

int open(const char *file)
{
    return (int)SYSCALL1(SYS_OPEN, file);
}

int filesize(int fd)
{
    return (int)SYSCALL1(SYS_FILESIZE, fd);
}

int read(int fd, void *buffer, unsigned size)
{
    return (int)SYSCALL3(SYS_READ, fd, buffer, size);
}

int write(int fd, const void *buffer, unsigned size)
{
    return (int)SYSCALL3(SYS_WRITE, fd, buffer, size);
}

void seek(int fd, unsigned position)
{
    SYSCALL2(SYS_SEEK, fd, position);
}

unsigned tell(int fd)
{
    return (unsigned)SYSCALL1(SYS_TELL, fd);
}

void close(int fd)
{
    SYSCALL1(SYS_CLOSE, fd);
}

void *mmap(void *addr, size_t length, int writable, int fd, off_t offset)
{
    return (void *)SYSCALL5(SYS_MMAP, addr, length, writable, fd, offset);
}

void munmap(void *addr)
{
    SYSCALL1(SYS_MUNMAP, addr);
}

bool chdir(const char *dir)
{
    return (bool)SYSCALL1(SYS_CHDIR, dir);
}

bool mkdir(const char *dir)
{
    return (bool)SYSCALL1(SYS_MKDIR, dir);
}

bool readdir(int fd, char name[READDIR_MAX_LEN + 1])
{
    return (bool)SYSCALL2(SYS_READDIR, fd, name);
}

bool isdir(int fd)
{
    return (bool)SYSCALL1(SYS_ISDIR, fd);
}

int inumber(int fd)
{
    return (int)SYSCALL1(SYS_INUMBER, fd);
}

int symlink(const char *target, const char *linkpath)
{
    return (int)SYSCALL2(SYS_SYMLINK, target, linkpath);
}

int dup2(int oldfd, int newfd)
{
    return (int)SYSCALL2(SYS_DUP2, oldfd, newfd);
}

uint64_t get_phys_addr(const void *uaddr)
{
    uint64_t rax = (uint64_t)uaddr;
    __asm__ volatile("int $" GET_PHYS_ADDR_VECTOR : "+a"(rax) : : "memory");
    return rax;
}
