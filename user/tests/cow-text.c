/* cow-text: the read-only text of an executable is shared by every
 * process running it. A child forked by cow-text runs on the parent's
 * text frame (int $0x42 of main gives the same frame), and so does the
 * new image it execs, a second copy of cow-text, given the parent's frame
 * number on its command line: exec after fork. */
#include "lib.h"

#define DIRECT_MAP_BASE 0xffff800000000000ull /* kernel addresses of frames (int $0x42) */
#define CMDLINE_MAX 64

int main(int argc, char *argv[]);

/* text_frame: the number of the frame behind main's page (0: none). */
static uint64_t text_frame(void)
{
    uint64_t kva = get_phys_addr((const void *)main);
    return kva ? (kva - DIRECT_MAP_BASE) / PAGE_SIZE : 0;
}

int main(int argc, char *argv[])
{
    test_name = "cow-text";
    uint64_t mine = text_frame();
    if (argc == 2) { /* the exec'd copy */
        CHECK(mine != 0 && mine == (uint64_t)atoi(argv[1]),
              "the exec'd copy runs on the first copy's text frame");
        return 0;
    }
    msg("begin");
    char cmdline[CMDLINE_MAX];
    snprintf(cmdline, sizeof cmdline, "cow-text %lu", mine);
    pid_t pid = fork("cow-text-kid");
    if (pid == 0) {
        CHECK(mine != 0 && text_frame() == mine,
              "the forked child runs on its parent's text frame");
        exec(cmdline);
        fail("exec(\"%s\") failed", cmdline);
    }
    CHECK(wait(pid) == 0, "wait for the child");
    msg("end");
    return 0;
}
