/* dup2-stdout: descriptor 1 is a descriptor like the others. A copy of the
 * console output made with dup2 keeps writing to the console while
 * descriptor 1 is closed and while it is redirected to a file by dup2,
 * when everything written to descriptor 1, printf included, goes to the
 * file. */
#include "lib.h"

#include <stdarg.h>

#define CONSOLE_COPY 300

#define LINE_MAX 128
#define STR_(x) #x
#define STR(x) STR_(x)

/* What the test prints while descriptor 1 is the file. */
#define REDIRECTED_MSG "this line goes to out.txt"
#define REDIRECTED_NUMBER 462
static const char redirected[] = "(dup2-stdout) " REDIRECTED_MSG "\n"
                                 "printf to descriptor 1: " STR(REDIRECTED_NUMBER) "\n";

/* say: print "(test_name) " FMT on CONSOLE_COPY. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    char line[LINE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    hprintf(CONSOLE_COPY, "(%s) %s\n", test_name, line);
}

void test_main(void)
{
    char byte = 'x';
    CHECK(create("out.txt", 0), "create \"out.txt\"");
    int fd = open("out.txt");
    CHECK(fd > STDOUT_FILENO, "open \"out.txt\"");
    CHECK(dup2(STDOUT_FILENO, CONSOLE_COPY) == CONSOLE_COPY,
          "copy the console output to descriptor %d", CONSOLE_COPY);
    close(STDOUT_FILENO);
    if (write(STDOUT_FILENO, &byte, 1) != -1)
        fail("write to closed descriptor 1 did not fail");
    say("write to closed descriptor 1 fails; descriptor %d writes to the console", CONSOLE_COPY);
    if (dup2(fd, STDOUT_FILENO) != STDOUT_FILENO)
        fail("dup2 of the file onto descriptor 1 failed");
    msg(REDIRECTED_MSG);
    printf("printf to descriptor 1: %d\n", REDIRECTED_NUMBER);
    say("descriptor 1 redirected to out.txt; descriptor %d writes to the console", CONSOLE_COPY);
    CHECK(dup2(CONSOLE_COPY, STDOUT_FILENO) == STDOUT_FILENO,
          "dup2 of descriptor %d puts the console back on descriptor 1", CONSOLE_COPY);
    CHECK(tell(fd) == sizeof redirected - 1, "the file's offset moved with descriptor 1");
    close(fd);
    check_file("out.txt", redirected, sizeof redirected - 1);
    close(CONSOLE_COPY);
    msg("descriptor 1 writes to the console after closing descriptor %d", CONSOLE_COPY);
}
