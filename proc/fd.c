/* File-descriptor tables (see fd.h). A table belongs to one process and is
 * only touched by that process's thread (and by fork, which runs in the
 * parent's thread), so it needs no lock. Every object in a table belongs to
 * that table alone: refs counts descriptors of one table, and the table
 * counts its file objects against FD_FILES_MAX. */
#include "fs/file.h"
#include "kernel/errors.h"
#include "kernel/string.h"
#include "mm/kmalloc.h"
#include "proc/fd.h"

#define FD_IS_POW2(n) (((n) & ((n)-1)) == 0)
_Static_assert(FD_IS_POW2(FD_TABLE_MIN) && FD_IS_POW2(FD_LIMIT) && FD_TABLE_MIN <= FD_LIMIT,
               "the table doubles from FD_TABLE_MIN to FD_LIMIT");
_Static_assert(FD_FIRST_FILE + FD_FILES_MAX <= FD_LIMIT, "every open file needs a number");

/* ofile_new: a new object of KIND (FILE for OFILE_FILE) with one reference,
 * counted in T; NULL when out of memory. */
static struct ofile *ofile_new(struct fd_table *t, enum ofile_kind kind, struct file *file)
{
    struct ofile *of = kmalloc(sizeof *of);
    if (!of)
        return NULL;
    *of = (struct ofile){.refs = 1, .kind = kind, .file = file};
    if (kind == OFILE_FILE)
        t->files++;
    return of;
}

/* ofile_put: drop one reference to OF, an object of T; the last closes the
 * file. */
static void ofile_put(struct fd_table *t, struct ofile *of)
{
    if (--of->refs > 0)
        return;
    if (of->kind == OFILE_FILE) {
        t->files--;
        file_close(of->file);
    }
    kfree(of);
}

/* ofile_copy: into T, an independent copy of OF (same kind, same offset);
 * ERR_NO_MEMORY or file_dup's error. */
static int ofile_copy(struct fd_table *t, const struct ofile *of, struct ofile **out)
{
    struct file *copy = NULL;
    if (of->kind == OFILE_FILE) {
        int err = file_dup(of->file, &copy);
        if (err < 0)
            return err;
    }
    *out = ofile_new(t, of->kind, copy);
    if (!*out) {
        file_close(copy);
        return ERR_NO_MEMORY;
    }
    return ERR_OK;
}

/* fd_table_alloc: an empty table of SIZE slots; NULL when out of memory. */
static struct fd_table *fd_table_alloc(int size)
{
    struct fd_table *t = kzalloc(sizeof *t);
    if (!t)
        return NULL;
    t->slots = kzalloc((size_t)size * sizeof *t->slots);
    if (!t->slots) {
        kfree(t);
        return NULL;
    }
    t->size = size;
    return t;
}

/* fd_size_for: the table size that holds descriptors up to TOP: the
 * smallest power of two above TOP, at least FD_TABLE_MIN. TOP < FD_LIMIT. */
static int fd_size_for(int top)
{
    int size = FD_TABLE_MIN;
    while (size <= top)
        size *= 2;
    return size;
}

/* fd_table_resize: move T's slots into a new array of SIZE slots (every
 * descriptor in use below SIZE); ERR_NO_MEMORY leaves T unchanged. */
static int fd_table_resize(struct fd_table *t, int size)
{
    struct ofile **slots = kzalloc((size_t)size * sizeof *slots);
    if (!slots)
        return ERR_NO_MEMORY;
    int keep = size < t->size ? size : t->size;
    memcpy(slots, t->slots, (size_t)keep * sizeof *slots);
    kfree(t->slots);
    t->slots = slots;
    t->size = size;
    return ERR_OK;
}

/* fd_table_reserve: make T hold descriptor FD (0 <= FD < FD_LIMIT);
 * ERR_NO_MEMORY leaves T unchanged. */
static int fd_table_reserve(struct fd_table *t, int fd)
{
    return fd < t->size ? ERR_OK : fd_table_resize(t, fd_size_for(fd));
}

/* fd_table_trim: after FD was closed, shrink T to the size its highest
 * descriptor in use needs. Only closing in the upper half of the table can
 * allow that; when the smaller array cannot be had T just stays larger. */
static void fd_table_trim(struct fd_table *t, int fd)
{
    if (fd < t->size / 2 || t->size == FD_TABLE_MIN)
        return;
    int top = t->size - 1;
    while (top > 0 && !t->slots[top])
        top--;
    int size = fd_size_for(top);
    if (size < t->size)
        fd_table_resize(t, size);
}

struct fd_table *fd_table_create(void)
{
    struct fd_table *t = fd_table_alloc(FD_TABLE_MIN);
    if (!t)
        return NULL;
    t->slots[FD_STDIN] = ofile_new(t, OFILE_CONSOLE_IN, NULL);
    t->slots[FD_STDOUT] = ofile_new(t, OFILE_CONSOLE_OUT, NULL);
    if (!t->slots[FD_STDIN] || !t->slots[FD_STDOUT]) {
        fd_table_destroy(t);
        return NULL;
    }
    return t;
}

/* fd_fork_slot: make FD of child table T name the copy of OF (NULL: FD
 * stays free). The first descriptor of OF makes the copy and records it in
 * OF->fork_copy; the others share it, as dup2 shared OF. */
static int fd_fork_slot(struct fd_table *t, int fd, struct ofile *of)
{
    if (!of)
        return ERR_OK;
    if (of->fork_copy) {
        of->fork_copy->refs++;
    } else {
        int err = ofile_copy(t, of, &of->fork_copy);
        if (err < 0)
            return err;
    }
    t->slots[fd] = of->fork_copy;
    return ERR_OK;
}

int fd_table_fork(struct fd_table *src, struct fd_table **out)
{
    struct fd_table *t = fd_table_alloc(src->size);
    if (!t)
        return ERR_NO_MEMORY;
    int err = ERR_OK;
    for (int fd = 0; fd < src->size && err == ERR_OK; fd++)
        err = fd_fork_slot(t, fd, src->slots[fd]);
    for (int fd = 0; fd < src->size; fd++)
        if (src->slots[fd])
            src->slots[fd]->fork_copy = NULL;
    if (err < 0) {
        fd_table_destroy(t);
        return err;
    }
    *out = t;
    return ERR_OK;
}

void fd_table_destroy(struct fd_table *t)
{
    if (!t)
        return;
    for (int fd = 0; fd < t->size; fd++)
        if (t->slots[fd])
            ofile_put(t, t->slots[fd]);
    kfree(t->slots);
    kfree(t);
}

/* fd_lowest_free: the lowest descriptor >= FD_FIRST_FILE that T does not
 * use; T->size when every slot from FD_FIRST_FILE on is taken. */
static int fd_lowest_free(const struct fd_table *t)
{
    int fd = FD_FIRST_FILE;
    while (fd < t->size && t->slots[fd])
        fd++;
    return fd;
}

int fd_install(struct fd_table *t, struct file *file)
{
    int fd = fd_lowest_free(t);
    if (t->files >= FD_FILES_MAX || fd >= FD_LIMIT)
        return ERR_TOO_MANY;
    if (fd_table_reserve(t, fd) < 0)
        return ERR_NO_MEMORY;
    t->slots[fd] = ofile_new(t, OFILE_FILE, file);
    return t->slots[fd] ? fd : ERR_NO_MEMORY;
}

struct ofile *fd_get(struct fd_table *t, long fd)
{
    if (fd < 0 || fd >= t->size)
        return NULL;
    return t->slots[fd];
}

int fd_close(struct fd_table *t, long fd)
{
    struct ofile *of = fd_get(t, fd);
    if (!of)
        return ERR_INVALID;
    t->slots[fd] = NULL;
    ofile_put(t, of);
    fd_table_trim(t, (int)fd);
    return ERR_OK;
}

int fd_dup2(struct fd_table *t, long oldfd, long newfd)
{
    struct ofile *of = fd_get(t, oldfd);
    if (!of || newfd < 0 || newfd >= FD_LIMIT)
        return ERR_INVALID;
    if (oldfd == newfd)
        return (int)newfd;
    if (fd_table_reserve(t, (int)newfd) < 0)
        return ERR_NO_MEMORY;
    struct ofile *replaced = t->slots[newfd];
    of->refs++;
    t->slots[newfd] = of;
    if (replaced)
        ofile_put(t, replaced);
    return (int)newfd;
}
