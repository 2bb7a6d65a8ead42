/* shell: a minimal interactive shell. It prints a prompt, reads a line
 * from the console (fd 0) one byte at a time, echoing what is typed since
 * the kernel console does not echo, with backspace editing. A line is
 * either a built-in (`cd DIR`, `exit`) or `PROG ARGS...`, which runs in a
 * child made by fork (named PROG) and exec, whose exit status the shell
 * prints after waiting for it. End of input (read returns <= 0) exits. */
#include <stdio.h>
#include <string.h>
#include <syscall.h>

#define LINE_MAX 256
#define PROMPT "-- "
#define KEY_BACKSPACE '\b'
#define KEY_DELETE 0x7f
#define ERASE_CHAR "\b \b"
/* Longest process name the ABI promises to keep. */
#define NAME_MAX 14

/* echo_str: show S on the console. */
static void echo_str(const char *s)
{
    write(STDOUT_FILENO, s, (unsigned)strlen(s));
}

/* read_line: read one line into LINE (SIZE bytes, NUL-terminated, without
 * the newline); false at end of input. */
static bool read_line(char *line, size_t size)
{
    size_t len = 0;
    char c;
    for (;;) {
        if (read(STDIN_FILENO, &c, 1) != 1)
            return false;
        if (c == '\r' || c == '\n') {
            echo_str("\n");
            line[len] = '\0';
            return true;
        } else if (c == KEY_BACKSPACE || c == KEY_DELETE) {
            if (len > 0) {
                len--;
                echo_str(ERASE_CHAR);
            }
        } else if (c >= ' ' && len + 1 < size) {
            line[len++] = c;
            write(STDOUT_FILENO, &c, 1);
        }
    }
}

/* skip_spaces: the first non-space character of S. */
static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* split_word: copy the first word of S (at most SIZE-1 bytes of it) into
 * WORD; returns the rest of S after the word and its trailing spaces. */
static const char *split_word(const char *s, char *word, size_t size)
{
    size_t n = 0;
    for (; *s != '\0' && *s != ' '; s++) {
        if (n + 1 < size)
            word[n++] = *s;
    }
    word[n] = '\0';
    return skip_spaces(s);
}

/* run_program: run command line CMD in a child named NAME, wait for it
 * and report its exit status. */
static void run_program(const char *cmd, const char *name)
{
    pid_t pid = fork(name);
    if (pid == 0) {
        exec(cmd);
        exit(-1); /* not reached: a failed exec ends the process */
    }
    if (pid == PID_ERROR) {
        printf("shell: %s: fork failed\n", name);
        return;
    }
    printf("\"%s\": exit code %d\n", cmd, wait(pid));
}

/* change_dir: the `cd DIR` built-in. */
static void change_dir(const char *dir)
{
    if (*dir == '\0')
        printf("usage: cd DIR\n");
    else if (!chdir(dir))
        printf("cd: %s: cannot change directory\n", dir);
}

/* run_line: execute one command line (built-in or program). */
static void run_line(const char *line)
{
    char name[NAME_MAX + 1];
    const char *cmd = skip_spaces(line);
    if (*cmd == '\0')
        return;
    const char *args = split_word(cmd, name, sizeof name);
    if (strcmp(name, "exit") == 0)
        exit(EXIT_SUCCESS);
    else if (strcmp(name, "cd") == 0)
        change_dir(args);
    else
        run_program(cmd, name);
}

int main(void)
{
    char line[LINE_MAX];
    printf("Shell starting...\n");
    for (;;) {
        echo_str(PROMPT);
        if (!read_line(line, sizeof line))
            break;
        run_line(line);
    }
    printf("\n");
    return EXIT_SUCCESS;
}
