/* The shared part of page-merge-seq, page-merge-par and page-merge-stk
 * (PintOS's tests/vm/parallel-merge): 1 MiB of RC4 bytes in buf1 is cut
 * into CHUNK_CNT chunks, each chunk sorted by a child process (which the
 * test runs in its own way) through a file, then the chunks are merged
 * into buf2, and buf2 must hold, in order, exactly the bytes counted at
 * the start. The 2 MiB of the two buffers are several times the frame cap
 * the specs give, so the parent's pages go to swap while the children run
 * and come back for the merge. Include once, from the test's source. */
#pragma once
#include "lib.h"
#include "vm.h"

#define CHUNK_SIZE (128 * 1024)
#define CHUNK_CNT 8
#define DATA_SIZE (CHUNK_SIZE * CHUNK_CNT)
#define NAME_LEN 32

static unsigned char buf1[DATA_SIZE], buf2[DATA_SIZE];
static size_t histogram[256];

/* merge_init: fill buf1 with the RC4 stream and count its bytes. */
static void merge_init(void)
{
    struct arc4 arc4;
    msg("init");
    arc4_init(&arc4, ARC4_KEY, ARC4_KEY_LEN);
    arc4_crypt(&arc4, buf1, sizeof buf1);
    for (size_t i = 0; i < sizeof buf1; i++)
        histogram[buf1[i]]++;
}

/* chunk_file: the name of the file of chunk I ("buf0".."buf7"). */
static void chunk_file(char name[NAME_LEN], int i)
{
    snprintf(name, NAME_LEN, "buf%d", i);
}

/* write_chunk: create file NAME holding chunk I of buf1. */
static void write_chunk(const char *name, int i)
{
    int fd;
    if (!create(name, 0) || (fd = open(name)) < 2)
        fail("create \"%s\" failed", name);
    if (write(fd, buf1 + (size_t)CHUNK_SIZE * i, CHUNK_SIZE) != CHUNK_SIZE)
        fail("write \"%s\" failed", name);
    close(fd);
}

/* read_chunk: read file NAME back into chunk I of buf1. */
static void read_chunk(const char *name, int i)
{
    int fd = open(name);
    if (fd < 2)
        fail("open \"%s\" failed", name);
    if (read(fd, buf1 + (size_t)CHUNK_SIZE * i, CHUNK_SIZE) != CHUNK_SIZE)
        fail("read \"%s\" failed", name);
    close(fd);
}

/* merge: merge the CHUNK_CNT sorted chunks of buf1 into buf2. */
static void merge(void)
{
    unsigned char *mp[CHUNK_CNT];
    size_t mp_left = CHUNK_CNT;
    msg("merge");
    for (int i = 0; i < CHUNK_CNT; i++)
        mp[i] = buf1 + (size_t)CHUNK_SIZE * i;
    unsigned char *op = buf2;
    while (mp_left > 0) {
        size_t min = 0;
        for (size_t i = 1; i < mp_left; i++) {
            if (*mp[i] < *mp[min])
                min = i;
        }
        *op++ = *mp[min];
        if ((size_t)(++mp[min] - buf1) % CHUNK_SIZE == 0)
            mp[min] = mp[--mp_left];
    }
}

/* verify: buf2 must hold histogram[v] bytes v, for v = 0..255 in order. */
static void verify(void)
{
    size_t idx = 0;
    msg("verify");
    for (int v = 0; v < 256; v++) {
        for (size_t n = histogram[v]; n > 0; n--, idx++) {
            if (buf2[idx] != v)
                fail("bad value %d in byte %zu", buf2[idx], idx);
        }
    }
    msg("success, buf_idx=%zu", idx);
}

/* sort_in_parallel: write every chunk to its file, run CMD (a child
 * program taking the file name) on all of them at once, wait for all
 * (each must exit with STATUS), and read the sorted chunks back. Prints
 * nothing while the children run: their exit lines are all the same. */
__attribute__((unused)) static void sort_in_parallel(const char *cmd, int status)
{
    pid_t children[CHUNK_CNT];
    char name[NAME_LEN], cmdline[2 * NAME_LEN];
    msg("sort %d chunks with %s, all at once", CHUNK_CNT, cmd);
    for (int i = 0; i < CHUNK_CNT; i++) {
        chunk_file(name, i);
        write_chunk(name, i);
    }
    for (int i = 0; i < CHUNK_CNT; i++) {
        chunk_file(name, i);
        snprintf(cmdline, sizeof cmdline, "%s %s", cmd, name);
        children[i] = spawn(cmdline);
    }
    int bad = -1, got = 0;
    for (int i = 0; i < CHUNK_CNT; i++) {
        int s = wait(children[i]);
        if (s != status && bad < 0) {
            bad = i;
            got = s;
        }
    }
    if (bad >= 0)
        fail("%s of chunk %d exited with %d instead of %d", cmd, bad, got, status);
    msg("every %s exited with %d", cmd, status);
    for (int i = 0; i < CHUNK_CNT; i++) {
        chunk_file(name, i);
        read_chunk(name, i);
    }
}
