/* read-paste: a busy program that reads its console input late and
 * slowly. It announces "busy" (the spec pastes then, far more than the
 * kernel's input buffer holds), computes for a while, then reads a few
 * bytes at a time with pauses between reads until the line "end", and
 * checks that every pasted line arrived whole and in order: line N
 * (from 1) is "NN-" and the start of FILLER, LINE_LEN bytes in all. */
#include "lib.h"

#define LINES 50
#define LINE_LEN 59 /* bytes before the line end; the paste adds CR */
#define FILLER "abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"
#define BUSY_SPINS 100000000L
#define READ_SPINS 200000L
#define READ_SIZE 7
#define END_LINE "end"

static volatile long sink;

/* spin: burn COUNT loop turns (no system calls). */
static void spin(long count)
{
    for (long i = 0; i < count; i++)
        sink += i;
}

/* read_line: the next input line (without its end) into LINE; its length.
 * Reads READ_SIZE bytes at most per call and spins between calls; a byte
 * read past the line end is kept for the next line. */
static size_t read_line(char *line, size_t size, size_t *total)
{
    static char pending[READ_SIZE];
    static size_t npending, pos;
    size_t len = 0;
    for (;;) {
        if (pos == npending) {
            spin(READ_SPINS);
            int n = read(STDIN_FILENO, pending, READ_SIZE);
            if (n <= 0)
                fail("read returned %d after %zu bytes", n, *total);
            npending = (size_t)n, pos = 0;
            *total += (size_t)n;
        }
        char c = pending[pos++];
        if (c == '\n')
            return len;
        if (len + 1 < size)
            line[len++] = c;
    }
}

void test_main(void)
{
    char line[2 * LINE_LEN], want[LINE_LEN + 1];
    size_t total = 0;
    msg("busy");
    spin(BUSY_SPINS);
    for (int n = 1; n <= LINES; n++) {
        size_t len = read_line(line, sizeof line, &total);
        snprintf(want, sizeof want, "%02d-%s", n, FILLER);
        if (len != LINE_LEN || memcmp(line, want, LINE_LEN) != 0)
            fail("line %d is wrong (%zu bytes, after %zu in all)", n, len, total);
    }
    size_t len = read_line(line, sizeof line, &total);
    if (len != strlen(END_LINE) || memcmp(line, END_LINE, len) != 0)
        fail("no end line after %d lines", LINES);
    msg("received %zu bytes: %d lines in order, then \"%s\"", total, LINES, END_LINE);
}
