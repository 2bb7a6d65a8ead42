/* Test helpers: message output, the page-boundary area, spawning
 * children, and content checks. See lib.h. */
#include "lib.h"
#include "sample.h"

#include <stdalign.h>
#include <stdarg.h>

/* Longest message line (the prefix included) a test prints. */
#define MSG_MAX 512
/* Longest process name the ABI promises to keep. */
#define NAME_MAX 14
/* Bytes check_file reads at a time. */
#define CHECK_CHUNK 256

const char *test_name = "test";

static alignas(PAGE_SIZE) char boundary_area[2 * PAGE_SIZE];

/* vmsg: print "(test_name) ", PREFIX, the formatted FMT and a newline
 * with one write. */
static void vmsg(const char *prefix, const char *fmt, va_list ap)
{
    char line[MSG_MAX];
    int n = snprintf(line, sizeof line, "(%s) %s", test_name, prefix);
    if (n < (int)sizeof line)
        vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    printf("%s\n", line);
}

void msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("", fmt, ap);
    va_end(ap);
}

void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("FAIL: ", fmt, ap);
    va_end(ap);
    exit(TEST_FAIL_STATUS);
}

char *get_boundary_area(void)
{
    return boundary_area + PAGE_SIZE;
}

char *copy_string_across_boundary(const char *src)
{
    size_t len = strlen(src);
    char *dst = get_boundary_area() - len / 2;
    memcpy(dst, src, len + 1);
    return dst;
}

pid_t spawn(const char *cmdline)
{
    char name[NAME_MAX + 1];
    size_t n = 0;
    while (cmdline[n] != '\0' && cmdline[n] != ' ' && n < NAME_MAX) {
        name[n] = cmdline[n];
        n++;
    }
    name[n] = '\0';
    pid_t pid = fork(name);
    if (pid == PID_ERROR)
        fail("fork(\"%s\") failed", name);
    if (pid == 0) {
        exec(cmdline);
        fail("exec(\"%s\") returned", cmdline);
    }
    return pid;
}

void check_bytes(const void *actual, const void *expected, size_t size, const char *what)
{
    const unsigned char *a = actual, *e = expected;
    for (size_t i = 0; i < size; i++) {
        if (a[i] != e[i])
            fail("%s differs at byte %zu: 0x%02x instead of 0x%02x", what, i, a[i], e[i]);
    }
}

void check_sample_read(int fd, size_t ofs, size_t len)
{
    char buf[SAMPLE_LEN];
    if (ofs > SAMPLE_LEN || len > SAMPLE_LEN - ofs)
        fail("bytes %zu-%zu are not in sample.txt", ofs, ofs + len);
    int n = read(fd, buf, (unsigned)len);
    if (n != (int)len)
        fail("read %d bytes through descriptor %d instead of %zu", n, fd, len);
    check_bytes(buf, sample + ofs, len, "sample.txt");
}

void check_file(const char *name, const void *expected, size_t size)
{
    char buf[CHECK_CHUNK];
    int fd = open(name);
    if (fd < 0)
        fail("open \"%s\" for verification failed", name);
    size_t ofs = 0;
    int n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (ofs + (size_t)n > size)
            fail("\"%s\" is longer than %zu bytes", name, size);
        check_bytes(buf, (const char *)expected + ofs, (size_t)n, name);
        ofs += (size_t)n;
    }
    if (n < 0 || ofs != size)
        fail("read %zu bytes of \"%s\" instead of %zu", ofs, name, size);
    close(fd);
    msg("verified contents of \"%s\"", name);
}
