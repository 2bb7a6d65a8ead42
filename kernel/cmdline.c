/* Command-line parser: split into words (single quotes group, runs of
 * spaces separate), then options until the first non-option word, then
 * actions with their arguments. Pure: no allocation, no globals but the
 * result, so the unit tests can drive it with any string. */
#include "kernel/cmdline.h"
#include "kernel/errors.h"
#include "kernel/printf.h"
#include "kernel/string.h"

struct cmdline kernel_cmdline = {.user_frame_limit = -1};

#define KIB 1024ull

/* split_words: cut TEXT in place into at most MAX words; returns the count
 * or ERR_INVALID for an unterminated quote or too many words. */
static int split_words(char *text, char **words, int max)
{
    int n = 0;
    char *r = text, *w = text;
    while (*r) {
        while (*r == ' ' || *r == '\t' || *r == '\n')
            r++;
        if (!*r)
            break;
        if (n == max)
            return ERR_TOO_MANY;
        words[n++] = w;
        while (*r && *r != ' ' && *r != '\t' && *r != '\n') {
            if (*r == '\'') {
                for (r++; *r && *r != '\'';)
                    *w++ = *r++;
                if (!*r)
                    return ERR_INVALID;
                r++;
            } else {
                *w++ = *r++;
            }
        }
        bool end = !*r;
        *w++ = '\0';
        if (end)
            break;
        r++;
    }
    return n;
}

/* parse_size: "64M" -> bytes; false on junk or a size past 64 bits. */
static bool parse_size(const char *s, uint64_t *out)
{
    uint64_t v = 0, unit = 1;
    if (!*s)
        return false;
    for (; *s >= '0' && *s <= '9'; s++)
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *s - '0', &v))
            return false;
    switch (*s) {
    case 'K':
    case 'k':
        unit = KIB;
        s++;
        break;
    case 'M':
    case 'm':
        unit = KIB * KIB;
        s++;
        break;
    case 'G':
    case 'g':
        unit = KIB * KIB * KIB;
        s++;
        break;
    default: break;
    }
    if (__builtin_mul_overflow(v, unit, out))
        return false;
    return *s == '\0';
}

static bool parse_option(const char *w, struct cmdline *out)
{
    uint64_t v;
    if (!strcmp(w, "-q"))
        out->power_off = true;
    else if (!strcmp(w, "-v"))
        out->verbose = true;
    else if (!strcmp(w, "-audit"))
        out->audit = true;
    else if (!strncmp(w, "mem=", 4) && parse_size(w + 4, &v) && v > 0)
        out->mem_limit = v;
    else if (!strncmp(w, "-ul=", 4) && parse_size(w + 4, &v))
        out->user_frame_limit = (long)v;
    else if (!strcmp(w, "ata=pio"))
        out->ata_pio = true;
    else
        return false;
    return true;
}

static const struct cmdline_action_desc *find_action(const struct cmdline_action_desc *d,
                                                     const char *name)
{
    for (; d->name; d++)
        if (!strcmp(d->name, name))
            return d;
    return NULL;
}

/* parse_actions: WORDS[0..N) are actions and their arguments. */
static int parse_actions(char **words, int n, const struct cmdline_action_desc *descs,
                         struct cmdline *out, char *err, int err_size)
{
    for (int i = 0; i < n;) {
        const struct cmdline_action_desc *d = find_action(descs, words[i]);
        if (!d) {
            snprintf(err, err_size, "unknown action '%s'", words[i]);
            return ERR_INVALID;
        }
        if (out->action_count == CMDLINE_MAX_ACTIONS) {
            snprintf(err, err_size, "too many actions");
            return ERR_TOO_MANY;
        }
        struct cmdline_action *a = &out->actions[out->action_count++];
        a->name = d->name;
        a->argc = 0;
        for (i++; a->argc < d->max_args && i < n; i++) {
            if (a->argc >= d->min_args && find_action(descs, words[i]))
                break;
            a->argv[a->argc++] = words[i];
        }
        if (a->argc < d->min_args) {
            snprintf(err, err_size, "action '%s' needs %d argument(s)", d->name, d->min_args);
            return ERR_INVALID;
        }
    }
    return ERR_OK;
}

int cmdline_parse(char *text, const struct cmdline_action_desc *descs, struct cmdline *out,
                  char *err, int err_size)
{
    char *words[CMDLINE_MAX_WORDS];
    memset(out, 0, sizeof *out);
    out->user_frame_limit = -1;
    int n = split_words(text, words, CMDLINE_MAX_WORDS);
    if (n < 0) {
        snprintf(err, err_size, n == ERR_TOO_MANY ? "too many words" : "unterminated quote");
        return n;
    }
    int i = 0;
    for (; i < n && (words[i][0] == '-' || strchr(words[i], '=')); i++) {
        if (!parse_option(words[i], out)) {
            snprintf(err, err_size, "unknown or malformed option '%s'", words[i]);
            return ERR_INVALID;
        }
        if (out->mem_limit && out->mem_limit < (uint64_t)KERNEL_MEM_MIN_MIB * KIB * KIB) {
            snprintf(err, err_size, "%s is below the minimum of %d MiB", words[i],
                     KERNEL_MEM_MIN_MIB);
            return ERR_INVALID;
        }
    }
    return parse_actions(words + i, n - i, descs, out, err, err_size);
}
