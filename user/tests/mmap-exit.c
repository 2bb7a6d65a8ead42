/* mmap-exit: a child that writes a mapped file and exits without munmap
 * has its dirty pages written back; so does a child the kernel kills
 * while holding dirty mappings. The parent checks through read() after
 * wait() returns. */
#include "child-mm.h"
#include "mapped.h"

#define FILE_SIZE (5 * PAGE_SIZE + 200)

static char expected[FILE_SIZE];

/* run_child: child-mm-write on NAME (ARG: "" or " crash"); its status. */
static int run_child(const char *name, const char *arg)
{
    char cmdline[64];
    make_file(name, FILE_SIZE, 1);
    snprintf(cmdline, sizeof cmdline, "child-mm-write %s%s", name, arg);
    return wait(spawn(cmdline));
}

void test_main(void)
{
    for (size_t i = 0; i < FILE_SIZE; i++)
        expected[i] = (char)pattern_byte(i, CHILD_MM_SEED);
    CHECK(run_child("exit.dat", "") == CHILD_MM_STATUS, "child-mm-write exited with %d",
          CHILD_MM_STATUS);
    check_file("exit.dat", expected, FILE_SIZE);
    CHECK(run_child("crash.dat", " crash") == KILLED_STATUS, "child-mm-write crash was killed");
    check_file("crash.dat", expected, FILE_SIZE);
}
