/* dup2-limit: descriptor numbers are [0, FD_LIMIT). The last one works and
 * FD_LIMIT fails; negative and huge numbers fail; a failed dup2 changes
 * nothing (its new descriptor stays open, at its offset). open stops at
 * FD_FILES_MAX files, which does not limit dup2, and when every number is
 * in use; the process then exits with all of them open (the leak audit
 * checks that exit closes them). */
#include "lib.h"
#include "sample.h"

#define LAST_FD (FD_LIMIT - 1)
#define CLOSED_FD 500
#define FREED_FD 700
#define SPARE_FD 900
#define CHUNK 10

/* Descriptors out of range: negative, FD_LIMIT and beyond. */
static const int bad_fds[] = {-1,           0x1CE - 0xC0FFEE, -2147483647 - 1, FD_LIMIT,
                              FD_LIMIT + 1, 0x10000,          2147483647};
#define BAD_FDS (sizeof bad_fds / sizeof bad_fds[0])

static int files[FD_FILES_MAX];

/* check_unchanged: FD and LAST_FD still name the file at offset CHUNK. */
static void check_unchanged(int fd)
{
    if (tell(fd) != CHUNK || tell(LAST_FD) != CHUNK)
        fail("a failed dup2 changed descriptor %d or %d", fd, LAST_FD);
}

/* check_bad_numbers: dup2 from, to and onto each bad number fails. */
static void check_bad_numbers(int fd)
{
    for (size_t i = 0; i < BAD_FDS; i++) {
        int bad = bad_fds[i];
        CHECK(dup2(fd, bad) == -1 && dup2(bad, LAST_FD) == -1 && dup2(bad, bad) == -1,
              "dup2 from, to and onto %d fails", bad);
        check_unchanged(fd);
    }
}

/* check_open_limit: with one file open already, open until it fails: that
 * is at FD_FILES_MAX files; dup2 still works; then close the new ones. */
static void check_open_limit(void)
{
    int n = 0;
    while (n < FD_FILES_MAX && (files[n] = open("sample.txt")) >= 0)
        n++;
    CHECK(n + 1 == FD_FILES_MAX, "open fails once %d files are open", FD_FILES_MAX);
    CHECK(dup2(files[0], SPARE_FD) == SPARE_FD, "dup2 still works with %d files open",
          FD_FILES_MAX);
    for (int i = 0; i < n; i++)
        close(files[i]);
    close(SPARE_FD);
}

/* check_every_number: fill every descriptor from FD_FIRST_FILE on; open
 * fails until one is closed, then returns that one. */
static void check_every_number(void)
{
    int fd = FD_FIRST_FILE;
    while (fd < LAST_FD && dup2(LAST_FD, fd) == fd)
        fd++;
    CHECK(fd == LAST_FD, "dup2 onto every descriptor from %d to %d", FD_FIRST_FILE, LAST_FD - 1);
    CHECK(open("sample.txt") == -1, "open fails with every descriptor in use");
    close(FREED_FD);
    int got = open("sample.txt");
    CHECK(got == FREED_FD, "after close(%d) open returns %d", FREED_FD, got);
}

void test_main(void)
{
    int fd = open("sample.txt");
    CHECK(fd > STDOUT_FILENO, "open \"sample.txt\"");
    CHECK(dup2(fd, LAST_FD) == LAST_FD, "dup2 to descriptor %d, the last one", LAST_FD);
    check_sample_read(LAST_FD, 0, CHUNK);
    msg("read %d bytes through descriptor %d", CHUNK, LAST_FD);
    CHECK(dup2(LAST_FD, LAST_FD) == LAST_FD, "dup2 of descriptor %d onto itself", LAST_FD);
    CHECK(dup2(fd, FD_LIMIT) == -1, "dup2 to descriptor %d fails", FD_LIMIT);
    CHECK(dup2(CLOSED_FD, LAST_FD) == -1, "dup2 from closed descriptor %d fails", CLOSED_FD);
    CHECK(dup2(CLOSED_FD, CLOSED_FD) == -1, "dup2 of closed descriptor %d onto itself fails",
          CLOSED_FD);
    check_unchanged(fd);
    msg("descriptors %d and %d are unchanged", fd, LAST_FD);
    check_bad_numbers(fd);
    check_open_limit();
    check_every_number();
    msg("exit with every descriptor open");
}
