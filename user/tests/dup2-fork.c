/* dup2-fork: fork copies the whole descriptor table, high numbers
 * included. The child's descriptors have offsets of their own, copied at
 * the fork (ABI.md); descriptors that shared an open file in the parent
 * share one in the child; a high copy of the console output writes to the
 * console. A child killed with high descriptors open has them closed like
 * any other, and the parent exits with its own open (the leak audit
 * checks both). */
#include "lib.h"

#define HIGH_FD 462
#define SHARED_FD 1000
#define CONSOLE_COPY 700
#define LAST_FD (FD_LIMIT - 1)
#define CHUNK 10

/* child_main: the forked child's checks; exits 0. */
static __attribute__((noreturn)) void child_main(void)
{
    CHECK(tell(HIGH_FD) == CHUNK, "child: descriptor %d is at offset %d, as at the fork", HIGH_FD,
          CHUNK);
    check_sample_read(HIGH_FD, CHUNK, CHUNK);
    msg("child: read %d bytes through descriptor %d", CHUNK, HIGH_FD);
    CHECK(tell(SHARED_FD) == 2 * CHUNK, "child: descriptor %d shares that offset", SHARED_FD);
    hprintf(CONSOLE_COPY, "(%s) child: descriptor %d writes to the console\n", test_name,
            CONSOLE_COPY);
    CHECK(dup2(HIGH_FD, LAST_FD) == LAST_FD, "child: dup2 to descriptor %d", LAST_FD);
    exit(0);
}

/* killed_child_main: open LAST_FD too, then pass read a kernel address,
 * which ends the process with KILLED_STATUS. */
static __attribute__((noreturn)) void killed_child_main(void)
{
    if (dup2(HIGH_FD, LAST_FD) != LAST_FD)
        fail("dup2 to descriptor %d failed", LAST_FD);
    read(LAST_FD, (void *)USER_TOP, CHUNK);
    fail("read into kernel space returned");
}

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    check_sample_read(fd, 0, CHUNK);
    msg("read %d bytes", CHUNK);
    CHECK(dup2(fd, HIGH_FD) == HIGH_FD && dup2(fd, SHARED_FD) == SHARED_FD,
          "dup2 to descriptors %d and %d", HIGH_FD, SHARED_FD);
    close(fd);
    CHECK(dup2(STDOUT_FILENO, CONSOLE_COPY) == CONSOLE_COPY,
          "copy the console output to descriptor %d", CONSOLE_COPY);
    pid_t pid = fork("dup2-child");
    if (pid == 0)
        child_main();
    CHECK(pid > 0 && wait(pid) == 0, "child done");
    CHECK(tell(HIGH_FD) == CHUNK && tell(SHARED_FD) == CHUNK,
          "the parent's descriptors are still at offset %d", CHUNK);
    CHECK(dup2(LAST_FD, LAST_FD) == -1, "the child's descriptor %d was its own", LAST_FD);
    pid = fork("dup2-killed");
    if (pid == 0)
        killed_child_main();
    CHECK(pid > 0 && wait(pid) == KILLED_STATUS, "a child killed with descriptor %d open", LAST_FD);
    check_sample_read(SHARED_FD, CHUNK, CHUNK);
    msg("the parent reads on from offset %d", CHUNK);
    msg("exit with descriptors %d, %d and %d open", HIGH_FD, CONSOLE_COPY, SHARED_FD);
}
