/* Host stand-in for the open files the descriptor tables hold (proc/fd.c
 * calls file_dup and file_close only): a fake file is a malloc'd block.
 * file_dup can be made to fail (shim_file_dup_fail_after), and the live
 * fakes are counted, so that tests see every file closed exactly once
 * (ASan reports a double close as a double free). */
#include <stdint.h>
#include <stdlib.h>
#include "fs/file.h"
#include "kernel/errors.h"
#include "tools/libhost/shim.h"

struct file {
    int id;
};

static size_t shim_live_files;
static size_t shim_dup_budget = SIZE_MAX;

struct file *shim_file_new(void)
{
    struct file *f = malloc(sizeof *f);
    if (f)
        shim_live_files++;
    return f;
}

size_t shim_files_live(void)
{
    return shim_live_files;
}

void shim_file_dup_fail_after(size_t n)
{
    shim_dup_budget = n;
}

void shim_file_dup_fail_reset(void)
{
    shim_dup_budget = SIZE_MAX;
}

int file_dup(struct file *file, struct file **out)
{
    if (shim_dup_budget == 0)
        return ERR_IO;
    if (shim_dup_budget != SIZE_MAX)
        shim_dup_budget--;
    *out = shim_file_new();
    if (!*out)
        return ERR_NO_MEMORY;
    (*out)->id = file->id;
    return ERR_OK;
}

void file_close(struct file *file)
{
    if (!file)
        return;
    shim_live_files--;
    free(file);
}
