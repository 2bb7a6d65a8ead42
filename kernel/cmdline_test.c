/* Unit tests of the command-line parser with a private action table:
 * options, quoting, several actions, optional arguments, and every kind of
 * bad input (each must be an ERR_ code with a message, never a panic). */
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "kernel/string.h"

#define TEXT_SIZE 256
#define ERR_SIZE  96
#define KIB       1024ull

static const struct cmdline_action_desc test_actions[] = {
    {"run", 1, 1}, {"ktest", 0, 1}, {"pair", 2, 2}, {"opt", 1, 2}, {NULL, 0, 0},
};

/* The parse result of the current test (too big for comfort on the stack
 * of every test, and tests run one at a time). */
static struct cmdline parsed;
static char err[ERR_SIZE];

/* parse: copy SRC (the parser cuts its text in place) and parse it. */
static int parse(const char *src)
{
    static char text[TEXT_SIZE];
    strlcpy(text, src, sizeof text);
    err[0] = '\0';
    return cmdline_parse(text, test_actions, &parsed, err, sizeof err);
}

/* contains: true if NEEDLE occurs in HAY. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncmp(hay, needle, n))
            return true;
    return false;
}

KTEST(cmdline, empty)
{
    KT_ASSERT(parse("") == ERR_OK);
    KT_ASSERT(parsed.action_count == 0);
    KT_ASSERT(!parsed.power_off && !parsed.verbose && !parsed.audit);
    KT_ASSERT(parsed.mem_limit == 0 && parsed.user_frame_limit == -1);
    KT_ASSERT(!parsed.ata_pio);
    KT_ASSERT(parse("   \t  ") == ERR_OK);
    KT_ASSERT(parsed.action_count == 0);
}

KTEST(cmdline, options)
{
    KT_ASSERT(parse("-q -v -audit mem=64M -ul=100") == ERR_OK);
    KT_ASSERT(parsed.power_off && parsed.verbose && parsed.audit);
    KT_ASSERT(parsed.mem_limit == 64 * KIB * KIB);
    KT_ASSERT(parsed.user_frame_limit == 100);
    KT_ASSERT(parsed.action_count == 0);
    KT_ASSERT(parse("mem=8192K") == ERR_OK && parsed.mem_limit == 8192 * KIB);
    KT_ASSERT(parse("mem=2G") == ERR_OK && parsed.mem_limit == 2 * KIB * KIB * KIB);
    KT_ASSERT(parse("mem=4194304") == ERR_OK && parsed.mem_limit == 4 * KIB * KIB);
    KT_ASSERT(parse("-ul=0") == ERR_OK && parsed.user_frame_limit == 0);
    KT_ASSERT(parse("ata=pio ktest") == ERR_OK && parsed.ata_pio);
}

/* mem= below KERNEL_MEM_MIN_MIB is refused with a message naming it. */
KTEST(cmdline, mem_minimum)
{
    KT_ASSERT(parse("-q mem=64K run 'echo hi'") == ERR_INVALID);
    KT_ASSERT(contains(err, "mem=64K is below the minimum of"));
    KT_ASSERT(parse("mem=4095K") == ERR_INVALID);
    KT_ASSERT(parse("mem=4194303") == ERR_INVALID);
    KT_ASSERT(parse("mem=512K") == ERR_INVALID);
    KT_ASSERT(parse("mem=4M") == ERR_OK && parsed.mem_limit == 4 * KIB * KIB);
}

KTEST(cmdline, state_reset_between_parses)
{
    KT_ASSERT(parse("-q mem=8M ktest") == ERR_OK);
    KT_ASSERT(parse("ktest") == ERR_OK);
    KT_ASSERT(!parsed.power_off && parsed.mem_limit == 0 && parsed.action_count == 1);
}

KTEST(cmdline, several_actions)
{
    KT_ASSERT(parse("-q run 'echo hi there' ktest pair a b run x") == ERR_OK);
    KT_ASSERT(parsed.power_off);
    KT_ASSERT(parsed.action_count == 4);
    struct cmdline_action *a = parsed.actions;
    KT_ASSERT(!strcmp(a[0].name, "run") && a[0].argc == 1);
    KT_ASSERT(!strcmp(a[0].argv[0], "echo hi there"));
    KT_ASSERT(!strcmp(a[1].name, "ktest") && a[1].argc == 0);
    KT_ASSERT(!strcmp(a[2].name, "pair") && a[2].argc == 2);
    KT_ASSERT(!strcmp(a[2].argv[0], "a") && !strcmp(a[2].argv[1], "b"));
    KT_ASSERT(!strcmp(a[3].name, "run") && !strcmp(a[3].argv[0], "x"));
}

KTEST(cmdline, optional_arguments)
{
    KT_ASSERT(parse("ktest pmm ktest") == ERR_OK);
    KT_ASSERT(parsed.action_count == 2);
    KT_ASSERT(parsed.actions[0].argc == 1 && !strcmp(parsed.actions[0].argv[0], "pmm"));
    KT_ASSERT(parsed.actions[1].argc == 0);
    /* an action name ends the optional arguments... */
    KT_ASSERT(parse("opt a run b") == ERR_OK);
    KT_ASSERT(parsed.action_count == 2 && parsed.actions[0].argc == 1);
    /* ...but not the required ones */
    KT_ASSERT(parse("pair run ktest") == ERR_OK);
    KT_ASSERT(parsed.action_count == 1 && parsed.actions[0].argc == 2);
    KT_ASSERT(!strcmp(parsed.actions[0].argv[0], "run"));
    KT_ASSERT(parse("opt a b") == ERR_OK);
    KT_ASSERT(parsed.actions[0].argc == 2 && !strcmp(parsed.actions[0].argv[1], "b"));
}

KTEST(cmdline, quotes)
{
    KT_ASSERT(parse("run 'a b'c") == ERR_OK);
    KT_ASSERT(!strcmp(parsed.actions[0].argv[0], "a bc"));
    KT_ASSERT(parse("run x'y z'w") == ERR_OK);
    KT_ASSERT(!strcmp(parsed.actions[0].argv[0], "xy zw"));
    KT_ASSERT(parse("run ''") == ERR_OK);
    KT_ASSERT(parsed.action_count == 1 && !strcmp(parsed.actions[0].argv[0], ""));
    KT_ASSERT(parse("'ktest'   run   '  spaced  '") == ERR_OK);
    KT_ASSERT(parsed.action_count == 2);
    KT_ASSERT(!strcmp(parsed.actions[1].argv[0], "  spaced  "));
    KT_ASSERT(parse("run 'tab\there'") == ERR_OK);
    KT_ASSERT(!strcmp(parsed.actions[0].argv[0], "tab\there"));
}

KTEST(cmdline, unterminated_quote)
{
    KT_ASSERT(parse("run 'abc") == ERR_INVALID);
    KT_ASSERT(contains(err, "quote"));
    KT_ASSERT(parse("run abc'") == ERR_INVALID);
}

KTEST(cmdline, unknown_option)
{
    KT_ASSERT(parse("-x ktest") == ERR_INVALID);
    KT_ASSERT(contains(err, "-x"));
    KT_ASSERT(parse("mem=12Q ktest") == ERR_INVALID);
    KT_ASSERT(parse("mem= ktest") == ERR_INVALID);
    KT_ASSERT(parse("mem=0 ktest") == ERR_INVALID);
    KT_ASSERT(parse("-ul=abc ktest") == ERR_INVALID);
    KT_ASSERT(parse("foo=bar ktest") == ERR_INVALID);
    KT_ASSERT(parse("ata=dma ktest") == ERR_INVALID);
    /* sizes that overflow 64 bits are rejected, not wrapped */
    KT_ASSERT(parse("mem=17179869185G ktest") == ERR_INVALID);
    KT_ASSERT(parse("mem=99999999999999999999 ktest") == ERR_INVALID);
}

KTEST(cmdline, unknown_action)
{
    KT_ASSERT(parse("-q frobnicate") == ERR_INVALID);
    KT_ASSERT(contains(err, "frobnicate"));
    KT_ASSERT(parse("ktest pmm extra") == ERR_INVALID); /* one optional arg at most */
    KT_ASSERT(contains(err, "extra"));
}

KTEST(cmdline, missing_argument)
{
    KT_ASSERT(parse("run") == ERR_INVALID);
    KT_ASSERT(contains(err, "run"));
    KT_ASSERT(parse("pair a") == ERR_INVALID);
    KT_ASSERT(parse("ktest run") == ERR_INVALID);
}

KTEST(cmdline, too_many_words)
{
    char text[TEXT_SIZE];
    size_t len = 0;
    for (int i = 0; i < CMDLINE_MAX_WORDS; i++) {
        text[len++] = '-';
        text[len++] = 'v';
        text[len++] = ' ';
    }
    text[len] = '\0';
    KT_ASSERT(parse(text) == ERR_OK); /* exactly the maximum */
    text[len++] = 'x';
    text[len] = '\0';
    KT_ASSERT(parse(text) == ERR_TOO_MANY);
    KT_ASSERT(contains(err, "too many"));
}

KTEST(cmdline, too_many_actions)
{
    char text[TEXT_SIZE];
    size_t len = 0;
    for (int i = 0; i <= CMDLINE_MAX_ACTIONS; i++) {
        strlcpy(text + len, "ktest ", sizeof text - len);
        len += strlen("ktest ");
    }
    KT_ASSERT(parse(text) == ERR_TOO_MANY);
    KT_ASSERT(parsed.action_count == CMDLINE_MAX_ACTIONS);
    text[len - strlen("ktest ")] = '\0';
    KT_ASSERT(parse(text) == ERR_OK && parsed.action_count == CMDLINE_MAX_ACTIONS);
}

KTEST(cmdline, error_message_truncated)
{
    char small[8];
    static char text[TEXT_SIZE];
    strlcpy(text, "a-very-long-unknown-action-name", sizeof text);
    KT_ASSERT(cmdline_parse(text, test_actions, &parsed, small, sizeof small) == ERR_INVALID);
    KT_ASSERT(strlen(small) == sizeof small - 1);
}
