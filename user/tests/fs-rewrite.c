/* fs-rewrite: walk the whole file tree from the root, read every file to
 * its end and check the files /MANIFEST lists (tools/mktree.py writes it:
 * `/PATH SIZE FNV1A32` per line) against their size and hash; then
 * rewrite every file but this program: copy it to a temporary file,
 * remove it, copy it back under its name, remove the copy, and check that
 * its hash did not change. The specs tools/tests/ext2-layout-*.test run it
 * on file systems of the layouts mke2fs makes (strides, group sizes, block
 * sizes, flex_bg, meta_bg); the runner's e2fsck then checks the bitmaps
 * and counts. */
#include "lib.h"

#define MAX_FILES 64
#define MAX_PATH 128
#define COPY_CHUNK 16384
#define MANIFEST_MAX 4096
#define TMP_PATH "/rewrite.tmp"
#define FNV_OFFSET 0x811C9DC5u
#define FNV_PRIME 0x01000193u

struct entry {
    char path[MAX_PATH];
    unsigned size;
    unsigned hash;
};

static struct entry files[MAX_FILES];
static int nfiles;
static char chunk[COPY_CHUNK];

/* hash_file: FNV-1a of the whole file PATH; its size in *SIZE. */
static unsigned hash_file(const char *path, unsigned *size)
{
    int fd = open(path);
    if (fd < 0)
        fail("open \"%s\"", path);
    unsigned h = FNV_OFFSET, total = 0;
    int n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0) {
        for (int i = 0; i < n; i++)
            h = (h ^ (unsigned char)chunk[i]) * FNV_PRIME;
        total += (unsigned)n;
    }
    if (n < 0 || total != (unsigned)filesize(fd))
        fail("read \"%s\" to its end", path);
    close(fd);
    *size = total;
    return h;
}

/* walk: record every regular file under directory PATH (recursively). */
static void walk(const char *path)
{
    int fd = open(path);
    if (fd < 0 || !isdir(fd))
        fail("open directory \"%s\"", path);
    char name[READDIR_MAX_LEN + 1];
    while (readdir(fd, name)) {
        char child[MAX_PATH];
        snprintf(child, sizeof child, "%s/%s", strcmp(path, "/") ? path : "", name);
        int c = open(child);
        if (c < 0)
            fail("open \"%s\"", child);
        bool dir = isdir(c);
        close(c);
        if (dir) {
            walk(child);
            continue;
        }
        if (nfiles == MAX_FILES)
            fail("more than %d files", MAX_FILES);
        struct entry *e = &files[nfiles++];
        strlcpy(e->path, child, sizeof e->path);
        e->hash = hash_file(child, &e->size);
    }
    close(fd);
}

/* find: the walked file PATH, or NULL. */
static struct entry *find(const char *path)
{
    for (int i = 0; i < nfiles; i++)
        if (strcmp(files[i].path, path) == 0)
            return &files[i];
    return NULL;
}

/* check_manifest: every line of /MANIFEST names a walked file of that size
 * and hash; returns the number of lines. */
static int check_manifest(void)
{
    static char text[MANIFEST_MAX + 1];
    int fd = open("/MANIFEST");
    int n = fd < 0 ? -1 : read(fd, text, MANIFEST_MAX);
    if (n <= 0 || n == MANIFEST_MAX)
        fail("read /MANIFEST");
    close(fd);
    text[n] = '\0';
    int lines = 0;
    char *save, *line;
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *rest, *path = strtok_r(line, " ", &rest);
        unsigned size = (unsigned)strtol(strtok_r(NULL, " ", &rest), NULL, 10);
        unsigned hash = (unsigned)strtol(strtok_r(NULL, " ", &rest), NULL, 16);
        struct entry *e = find(path);
        if (!e || e->size != size || e->hash != hash)
            fail("%s: not as the manifest says", path);
        lines++;
    }
    return lines;
}

/* copy: create DST (it must not exist) with the contents of SRC. */
static void copy(const char *src, const char *dst)
{
    int in = open(src);
    if (in < 0 || !create(dst, 0))
        fail("copy \"%s\" to \"%s\"", src, dst);
    int out = open(dst);
    int n;
    while ((n = read(in, chunk, sizeof chunk)) > 0)
        if (write(out, chunk, (unsigned)n) != n)
            fail("write \"%s\"", dst);
    if (n < 0 || out < 0)
        fail("copy \"%s\" to \"%s\"", src, dst);
    close(in);
    close(out);
}

/* rewrite: give E's file new blocks with the same contents. */
static void rewrite(const struct entry *e)
{
    copy(e->path, TMP_PATH);
    if (!remove(e->path))
        fail("remove \"%s\"", e->path);
    copy(TMP_PATH, e->path);
    if (!remove(TMP_PATH))
        fail("remove " TMP_PATH);
    unsigned size, hash = hash_file(e->path, &size);
    if (size != e->size || hash != e->hash)
        fail("\"%s\" changed when rewritten", e->path);
}

void test_main(void)
{
    walk("/");
    char self[MAX_PATH];
    snprintf(self, sizeof self, "/%s", test_name);
    unsigned long bytes = 0; /* but this program's, whose size depends on the build */
    for (int i = 0; i < nfiles; i++)
        bytes += strcmp(files[i].path, self) ? files[i].size : 0;
    msg("walked %d files, %lu bytes besides %s", nfiles, bytes, self);
    msg("%d files as the manifest says", check_manifest());
    int done = 0;
    for (int i = 0; i < nfiles; i++) {
        if (strcmp(files[i].path, self) != 0) {
            rewrite(&files[i]);
            done++;
        }
    }
    msg("rewrote %d files, contents unchanged", done);
}
