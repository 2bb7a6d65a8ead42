/* Per-process file-descriptor tables. A descriptor names an open-file
 * object (struct ofile): the console input, the console output, or an open
 * file of the file system. dup2 makes two descriptors share one object (and
 * its offset); fork gives the child its own copy of each object, with the
 * offset it had at fork time. */
#pragma once
#include <stdbool.h>

#define FD_STDIN      0
#define FD_STDOUT     1
#define FD_FIRST_FILE 2
#define FD_FILES_MAX  128 /* open files per process, besides the console */
#define FD_MAX        (FD_FIRST_FILE + FD_FILES_MAX)

struct file;

enum ofile_kind {
    OFILE_CONSOLE_IN,
    OFILE_CONSOLE_OUT,
    OFILE_FILE,
};

struct ofile {
    int refs; /* descriptors naming this object */
    enum ofile_kind kind;
    struct file *file; /* OFILE_FILE only */
};

struct fd_table {
    struct ofile *slots[FD_MAX];
};

/* fd_table_create: a table with fd 0 = console in, fd 1 = console out;
 * NULL when out of memory. */
struct fd_table *fd_table_create(void);
/* fd_table_fork: a copy of SRC for a child process (independent offsets,
 * sharing between descriptors preserved); ERR_NO_MEMORY or a file error. */
int fd_table_fork(const struct fd_table *src, struct fd_table **out);
/* fd_table_destroy: close every descriptor and free T (NULL ignored). */
void fd_table_destroy(struct fd_table *t);
/* fd_install: a new descriptor >= FD_FIRST_FILE for FILE (taken over on
 * success only); ERR_TOO_MANY when the table is full. */
int fd_install(struct fd_table *t, struct file *file);
/* fd_get: the object FD names, or NULL for a bad descriptor. */
struct ofile *fd_get(struct fd_table *t, long fd);
/* fd_close: close FD; ERR_INVALID for a bad descriptor. */
int fd_close(struct fd_table *t, long fd);
/* fd_dup2: make NEWFD name OLDFD's object; returns NEWFD or ERR_INVALID. */
int fd_dup2(struct fd_table *t, long oldfd, long newfd);
