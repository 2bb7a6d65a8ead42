/* File-descriptor tables (see fd.h). A table belongs to one process and is
 * only touched by that process's thread (and by fork, which runs in the
 * parent's thread), so it needs no lock. */
#include "fs/file.h"
#include "kernel/errors.h"
#include "mm/kmalloc.h"
#include "proc/fd.h"

static struct ofile *ofile_new(enum ofile_kind kind, struct file *file)
{
    struct ofile *of = kmalloc(sizeof *of);
    if (of)
        *of = (struct ofile){.refs = 1, .kind = kind, .file = file};
    return of;
}

/* ofile_put: drop one reference; the last closes the file. */
static void ofile_put(struct ofile *of)
{
    if (--of->refs > 0)
        return;
    if (of->kind == OFILE_FILE)
        file_close(of->file);
    kfree(of);
}

struct fd_table *fd_table_create(void)
{
    struct fd_table *t = kzalloc(sizeof *t);
    if (!t)
        return NULL;
    t->slots[FD_STDIN] = ofile_new(OFILE_CONSOLE_IN, NULL);
    t->slots[FD_STDOUT] = ofile_new(OFILE_CONSOLE_OUT, NULL);
    if (!t->slots[FD_STDIN] || !t->slots[FD_STDOUT]) {
        fd_table_destroy(t);
        return NULL;
    }
    return t;
}

/* ofile_copy: an independent copy of OF (same kind, same offset). */
static int ofile_copy(const struct ofile *of, struct ofile **out)
{
    struct file *copy = NULL;
    if (of->kind == OFILE_FILE) {
        int err = file_dup(of->file, &copy);
        if (err < 0)
            return err;
    }
    *out = ofile_new(of->kind, copy);
    if (!*out) {
        file_close(copy);
        return ERR_NO_MEMORY;
    }
    return ERR_OK;
}

int fd_table_fork(const struct fd_table *src, struct fd_table **out)
{
    struct fd_table *t = kzalloc(sizeof *t);
    if (!t)
        return ERR_NO_MEMORY;
    for (int i = 0; i < FD_MAX; i++) {
        const struct ofile *of = src->slots[i];
        if (!of)
            continue;
        int j = 0;
        while (j < i && src->slots[j] != of) /* dup2 sharing: reuse the copy */
            j++;
        if (j < i) {
            t->slots[i] = t->slots[j];
            t->slots[i]->refs++;
            continue;
        }
        int err = ofile_copy(of, &t->slots[i]);
        if (err < 0) {
            fd_table_destroy(t);
            return err;
        }
    }
    *out = t;
    return ERR_OK;
}

void fd_table_destroy(struct fd_table *t)
{
    if (!t)
        return;
    for (int i = 0; i < FD_MAX; i++)
        if (t->slots[i])
            ofile_put(t->slots[i]);
    kfree(t);
}

int fd_install(struct fd_table *t, struct file *file)
{
    for (int fd = FD_FIRST_FILE; fd < FD_MAX; fd++) {
        if (t->slots[fd])
            continue;
        t->slots[fd] = ofile_new(OFILE_FILE, file);
        return t->slots[fd] ? fd : ERR_NO_MEMORY;
    }
    return ERR_TOO_MANY;
}

struct ofile *fd_get(struct fd_table *t, long fd)
{
    if (fd < 0 || fd >= FD_MAX)
        return NULL;
    return t->slots[fd];
}

int fd_close(struct fd_table *t, long fd)
{
    struct ofile *of = fd_get(t, fd);
    if (!of)
        return ERR_INVALID;
    t->slots[fd] = NULL;
    ofile_put(of);
    return ERR_OK;
}

int fd_dup2(struct fd_table *t, long oldfd, long newfd)
{
    struct ofile *of = fd_get(t, oldfd);
    if (!of || newfd < 0 || newfd >= FD_MAX)
        return ERR_INVALID;
    if (oldfd == newfd)
        return (int)newfd;
    of->refs++;
    if (t->slots[newfd])
        ofile_put(t->slots[newfd]);
    t->slots[newfd] = of;
    return (int)newfd;
}
