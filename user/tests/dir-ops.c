/* dir-ops: the file-system extension calls: mkdir, chdir (relative and
 * "..", not into a file or a missing directory), readdir, isdir, inumber,
 * paths through subdirectories, and removal of a directory only once it
 * is empty. */
#include "lib.h"

#define FILE_SIZE 10

/* list_one: the directory at FD holds exactly one entry, NAME. */
static bool list_one(int fd, const char *name)
{
    char entry[READDIR_MAX_LEN + 1];
    if (!readdir(fd, entry) || strcmp(entry, name) != 0)
        return false;
    return !readdir(fd, entry);
}

void test_main(void)
{
    CHECK(mkdir("d"), "mkdir \"d\"");
    CHECK(!mkdir("d"), "mkdir \"d\" again fails");
    CHECK(chdir("d"), "chdir \"d\"");
    CHECK(create("f", FILE_SIZE), "create \"f\" inside it");
    int f = open("f");
    CHECK(f > STDOUT_FILENO && !isdir(f), "open \"f\": a plain file");
    int d = open("/d");
    CHECK(d > STDOUT_FILENO && isdir(d), "open \"/d\": a directory");
    CHECK(inumber(d) != inumber(f), "the two have different inode numbers");
    CHECK(list_one(d, "f"), "readdir lists only \"f\"");
    CHECK(write(d, "x", 1) == -1, "writing to a directory fails");
    close(f);
    close(d);
    CHECK(!chdir("f"), "chdir into a file fails");
    CHECK(!chdir("missing"), "chdir into a missing directory fails");
    CHECK(chdir(".."), "chdir \"..\"");
    f = open("d/f");
    CHECK(f > STDOUT_FILENO && filesize(f) == FILE_SIZE, "open \"d/f\" from the root");
    close(f);
    CHECK(!remove("d"), "remove of a non-empty directory fails");
    CHECK(remove("d/f"), "remove \"d/f\"");
    CHECK(remove("d"), "remove the empty directory");
    CHECK(open("d") == -1, "it is gone");
}
