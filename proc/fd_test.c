/* Unit tests of the descriptor tables (suite "fd"), on console objects
 * only (no file system needed): the table grows to hold the highest
 * descriptor in use and shrinks back when it is closed; dup2's errors
 * leave the table unchanged; fork copies every descriptor and keeps the
 * sharing; destroying a table gives back every heap byte. */
#include "kernel/errors.h"
#include "kernel/ktest.h"
#include "mm/kmalloc.h"
#include "proc/fd.h"

#define FD_T_HIGH   462
#define FD_T_HIGH2  700
#define FD_T_SIZE   512 /* table size that holds FD_T_HIGH */
#define FD_T_CLOSED 5

/* fd_t_heap_bytes: the heap bytes in use now. */
static size_t fd_t_heap_bytes(void)
{
    struct kmalloc_stats s;
    kmalloc_get_stats(&s);
    return s.bytes_in_use;
}

KTEST(fd, create_has_the_console)
{
    size_t before = fd_t_heap_bytes();
    struct fd_table *t = fd_table_create();
    KT_ASSERT(t != NULL);
    KT_ASSERT(t->size == FD_TABLE_MIN && t->files == 0);
    KT_ASSERT(fd_get(t, FD_STDIN)->kind == OFILE_CONSOLE_IN);
    KT_ASSERT(fd_get(t, FD_STDOUT)->kind == OFILE_CONSOLE_OUT);
    KT_ASSERT(fd_get(t, FD_FIRST_FILE) == NULL && fd_get(t, -1) == NULL);
    fd_table_destroy(t);
    KT_ASSERT(fd_t_heap_bytes() == before);
}

KTEST(fd, size_follows_the_highest_descriptor)
{
    size_t before = fd_t_heap_bytes();
    struct fd_table *t = fd_table_create();
    KT_ASSERT(t != NULL);
    KT_ASSERT(fd_dup2(t, FD_STDOUT, FD_T_HIGH) == FD_T_HIGH && t->size == FD_T_SIZE);
    KT_ASSERT(fd_dup2(t, FD_STDOUT, FD_LIMIT - 1) == FD_LIMIT - 1 && t->size == FD_LIMIT);
    KT_ASSERT(fd_get(t, FD_T_HIGH) == fd_get(t, FD_STDOUT) && fd_get(t, FD_STDOUT)->refs == 3);
    KT_ASSERT(fd_close(t, FD_LIMIT - 1) == ERR_OK && t->size == FD_T_SIZE);
    KT_ASSERT(fd_close(t, FD_T_HIGH) == ERR_OK && t->size == FD_TABLE_MIN);
    KT_ASSERT(fd_get(t, FD_STDOUT)->refs == 1);
    fd_table_destroy(t);
    KT_ASSERT(fd_t_heap_bytes() == before);
}

KTEST(fd, dup2_errors_change_nothing)
{
    struct fd_table *t = fd_table_create();
    KT_ASSERT(t != NULL);
    KT_ASSERT(fd_dup2(t, FD_T_CLOSED, FD_STDIN) == ERR_INVALID);
    KT_ASSERT(fd_dup2(t, FD_STDOUT, FD_LIMIT) == ERR_INVALID);
    KT_ASSERT(fd_dup2(t, FD_STDOUT, -1) == ERR_INVALID);
    KT_ASSERT(fd_dup2(t, FD_LIMIT, FD_STDIN) == ERR_INVALID);
    KT_ASSERT(fd_dup2(t, FD_T_CLOSED, FD_T_CLOSED) == ERR_INVALID);
    KT_ASSERT(fd_dup2(t, FD_STDIN, FD_STDIN) == FD_STDIN);
    KT_ASSERT(t->size == FD_TABLE_MIN);
    KT_ASSERT(fd_get(t, FD_STDIN)->kind == OFILE_CONSOLE_IN && fd_get(t, FD_STDIN)->refs == 1);
    KT_ASSERT(fd_close(t, FD_T_CLOSED) == ERR_INVALID && fd_close(t, FD_LIMIT) == ERR_INVALID);
    fd_table_destroy(t);
}

KTEST(fd, fork_copies_every_descriptor)
{
    size_t before = fd_t_heap_bytes();
    struct fd_table *t = fd_table_create(), *c = NULL;
    KT_ASSERT(t != NULL);
    KT_ASSERT(fd_dup2(t, FD_STDOUT, FD_T_HIGH) == FD_T_HIGH);
    KT_ASSERT(fd_dup2(t, FD_STDIN, FD_T_HIGH2) == FD_T_HIGH2);
    KT_ASSERT(fd_table_fork(t, &c) == ERR_OK);
    KT_ASSERT(c->size == t->size);
    for (int fd = 0; fd < t->size; fd++) {
        KT_ASSERT((fd_get(c, fd) == NULL) == (fd_get(t, fd) == NULL));
        KT_ASSERT(fd_get(c, fd) == NULL || fd_get(c, fd) != fd_get(t, fd));
        KT_ASSERT(fd_get(t, fd) == NULL || fd_get(t, fd)->fork_copy == NULL);
    }
    KT_ASSERT(fd_get(c, FD_T_HIGH) == fd_get(c, FD_STDOUT) && fd_get(c, FD_STDOUT)->refs == 2);
    KT_ASSERT(fd_get(c, FD_T_HIGH2) == fd_get(c, FD_STDIN) && fd_get(c, FD_STDIN)->refs == 2);
    fd_table_destroy(c);
    KT_ASSERT(fd_get(t, FD_STDOUT)->refs == 2);
    fd_table_destroy(t);
    KT_ASSERT(fd_t_heap_bytes() == before);
}
