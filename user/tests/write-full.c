/* write-full: a full disk. A file grown by WRITE_CHUNK-byte writes until
 * one comes back short (the disk is full) keeps every byte the writes
 * reported; a write that can store nothing returns 0, bytes written
 * (ABI.md), not an error; removing the file gives the space back, and a
 * new file can be written again. */
#include "lib.h"

#define WRITE_CHUNK (64 * 1024)
#define FILL_NAME "filler"
#define AFTER_NAME "after"
#define AFTER_BYTES 5

static char chunk[WRITE_CHUNK];

/* byte_at: the pattern of the filler's byte POS. */
static char byte_at(unsigned pos)
{
    return (char)(pos * 7 + pos / WRITE_CHUNK);
}

/* fill: write FD's pattern until a write is short; the bytes stored. */
static unsigned fill(int fd)
{
    unsigned total = 0;
    for (;;) {
        for (unsigned i = 0; i < WRITE_CHUNK; i++)
            chunk[i] = byte_at(total + i);
        int n = write(fd, chunk, WRITE_CHUNK);
        if (n < 0)
            fail("write returned %d before the disk was full", n);
        total += (unsigned)n;
        if (n < WRITE_CHUNK)
            return total;
    }
}

/* verify: FD holds the pattern for its first TOTAL bytes. */
static bool verify(int fd, unsigned total)
{
    seek(fd, 0);
    for (unsigned done = 0; done < total;) {
        unsigned want = total - done < WRITE_CHUNK ? total - done : WRITE_CHUNK;
        if (read(fd, chunk, want) != (int)want)
            return false;
        for (unsigned i = 0; i < want; i++)
            if (chunk[i] != byte_at(done + i))
                return false;
        done += want;
    }
    return true;
}

void test_main(void)
{
    CHECK(create(FILL_NAME, 0), "create \"%s\"", FILL_NAME);
    int fd = open(FILL_NAME);
    CHECK(fd > 1, "open \"%s\"", FILL_NAME);
    unsigned total = fill(fd);
    CHECK(total > 0 && filesize(fd) == (int)total, "write until the disk is full");
    CHECK(write(fd, chunk, WRITE_CHUNK) == 0, "a write to the full disk returns 0");
    CHECK(verify(fd, total), "every byte written reads back");
    close(fd);
    CHECK(remove(FILL_NAME), "remove \"%s\"", FILL_NAME);
    CHECK(create(AFTER_NAME, 0), "create \"%s\"", AFTER_NAME);
    fd = open(AFTER_NAME);
    CHECK(fd > 1 && write(fd, "after", AFTER_BYTES) == AFTER_BYTES,
          "write \"%s\": the space came back", AFTER_NAME);
}
