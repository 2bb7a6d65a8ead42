/* Host-only death tests: misuse that must end in a kernel panic with a
 * given message (kfree of a foreign pointer, double frees). Each case runs
 * in a forked child whose stderr is captured; it passes when the child
 * aborts and its output contains the expected text. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "mm/kmalloc.h"
#include "tools/libhost/shim.h"

#define DEATH_OUTPUT_MAX 4096

struct death_test {
    const char *name;
    void (*fn)(void);
    const char *expect; /* substring of the panic output */
};

static void death_double_free_small(void)
{
    kmalloc(32); /* two live neighbours keep the slab page alive and */
    kmalloc(32); /* its free count short of full after the double free */
    void *p = kmalloc(32);
    kfree(p);
    kfree(p);
}

static void death_double_free_last_small(void)
{
    void *p = kmalloc(200); /* its slab page goes back on the first kfree */
    kfree(p);
    kfree(p);
}

static void death_double_free_large(void)
{
    void *p = kmalloc(3 * 4096);
    kfree(p);
    kfree(p);
}

static void death_inside_object(void)
{
    char *p = kmalloc(64);
    kfree(p + 16);
}

static void death_inside_large(void)
{
    char *p = kmalloc(10000);
    kfree(p + 4096);
}

static void death_misaligned(void)
{
    char *p = kmalloc(64);
    kfree(p + 1);
}

#ifdef KERNEL_DEBUG
static void death_write_after_free(void)
{
    kmalloc(48); /* keeps the slab page alive */
    char *p = kmalloc(48);
    kfree(p);
    p[20] = 1;   /* past the free-list link word */
    kmalloc(48); /* hands out p again: the poison check catches it */
}
#endif

static const struct death_test death_tests[] = {
    {"double_free_small", death_double_free_small, "kfree: bad pointer"},
    {"double_free_last_small", death_double_free_last_small, "kfree: bad pointer"},
    {"double_free_large", death_double_free_large, "kfree: bad pointer"},
    {"inside_object", death_inside_object, "kfree: bad pointer"},
    {"inside_large", death_inside_large, "kfree: bad pointer"},
    {"misaligned", death_misaligned, "kfree: bad pointer"},
#ifdef KERNEL_DEBUG
    {"write_after_free", death_write_after_free, "modified after free"},
#endif
};

/* death_run_one: true if T's function panics with T's message. */
static bool death_run_one(const struct death_test *t)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        t->fn();
        _exit(0); /* survived: failure */
    }
    close(fds[1]);
    char out[DEATH_OUTPUT_MAX];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
        len += (size_t)n;
    out[len] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    bool ok = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT && strstr(out, t->expect);
    if (!ok)
        printf("FAIL death/%s: status %#x, output: %s\n", t->name, status, out);
    return ok;
}

/* death_tests_run: run every death test; print the suite line; return the
 * number that failed. */
int death_tests_run(void)
{
    int failed = 0, total = (int)(sizeof(death_tests) / sizeof(death_tests[0]));
    for (int i = 0; i < total; i++)
        failed += !death_run_one(&death_tests[i]);
    if (failed)
        printf("ktest death: FAIL (%d of %d tests)\n", failed, total);
    else
        printf("ktest death: PASS (%d tests)\n", total);
    return failed;
}
