/* Per-process file-descriptor tables. A descriptor is a number in
 * [0, FD_LIMIT) that names an open-file object (struct ofile): the console
 * input, the console output, or an open file of the file system.
 *
 * The table is an array indexed by descriptor. It starts with FD_TABLE_MIN
 * slots, doubles when a descriptor beyond its end is installed, and halves
 * back when the high descriptors are closed: its memory follows the highest
 * descriptor in use, not FD_LIMIT. A process may use every number below
 * FD_LIMIT (through dup2) but hold at most FD_FILES_MAX files opened with
 * open() at once.
 *
 * dup2 makes two descriptors share one object, and so its offset (POSIX
 * dup2). fork gives the child its own copy of each object, with the offset
 * it had at fork time (ABI.md), and keeps the sharing between the child's
 * descriptors. exec keeps the table; exit destroys it. The console objects
 * are objects like the others: they can be closed and duplicated. */
#pragma once
#include <stdbool.h>

#define FD_STDIN      0
#define FD_STDOUT     1
#define FD_FIRST_FILE 2    /* lowest descriptor open() returns (ABI.md) */
#define FD_LIMIT      1024 /* descriptor numbers per process: [0, FD_LIMIT) */
#define FD_FILES_MAX  128  /* files open at once per process, besides the console */
#define FD_TABLE_MIN  16   /* slots of a new table (a power of two) */

struct file;

enum ofile_kind {
    OFILE_CONSOLE_IN,
    OFILE_CONSOLE_OUT,
    OFILE_FILE,
};

struct ofile {
    int refs; /* descriptors of its table naming this object */
    enum ofile_kind kind;
    struct file *file;       /* OFILE_FILE only */
    struct ofile *fork_copy; /* during fd_table_fork only: the child's copy */
};

struct fd_table {
    struct ofile **slots; /* slots[fd]: the object fd names, or NULL */
    int size;             /* slots: a power of two in [FD_TABLE_MIN, FD_LIMIT] */
    int files;            /* OFILE_FILE objects in the table, <= FD_FILES_MAX */
};

/* fd_table_create: a table with fd 0 = console in, fd 1 = console out;
 * NULL when out of memory. */
struct fd_table *fd_table_create(void);
/* fd_table_fork: a copy of SRC for a child process, every descriptor
 * included (independent offsets, sharing between descriptors preserved);
 * ERR_NO_MEMORY or a file error, SRC unchanged either way. */
int fd_table_fork(struct fd_table *src, struct fd_table **out);
/* fd_table_destroy: close every descriptor and free T (NULL ignored). */
void fd_table_destroy(struct fd_table *t);
/* fd_install: the lowest free descriptor >= FD_FIRST_FILE, now naming FILE
 * (taken over on success only); ERR_TOO_MANY when FD_FILES_MAX files are
 * open or no number below FD_LIMIT is free, ERR_NO_MEMORY. */
int fd_install(struct fd_table *t, struct file *file);
/* fd_get: the object FD names, or NULL for a bad descriptor. */
struct ofile *fd_get(struct fd_table *t, long fd);
/* fd_close: close FD; ERR_INVALID for a bad descriptor. */
int fd_close(struct fd_table *t, long fd);
/* fd_dup2: make NEWFD name OLDFD's object, closing what NEWFD named first
 * (POSIX dup2); OLDFD == NEWFD only checks OLDFD. Returns NEWFD, or
 * ERR_INVALID (OLDFD not open, NEWFD outside [0, FD_LIMIT)) or ERR_NO_MEMORY
 * (the table could not grow), with T unchanged on error. */
int fd_dup2(struct fd_table *t, long oldfd, long newfd);
