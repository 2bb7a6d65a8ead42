/* page-merge-seq: sort 1 MiB of RC4 bytes in eight 128 KiB chunks, each by
 * a child-sort process run alone (through the file "buf<i>"), then merge
 * the chunks and check the result (see merge.h). */
#include "merge.h"

#define CHILD_SORT_STATUS 123

void test_main(void)
{
    char name[NAME_LEN];
    merge_init();
    for (int i = 0; i < CHUNK_CNT; i++) {
        msg("sort chunk %d", i);
        chunk_file(name, i);
        write_chunk(name, i);
        char cmdline[2 * NAME_LEN];
        snprintf(cmdline, sizeof cmdline, "child-sort %s", name);
        int status = wait(spawn(cmdline));
        if (status != CHILD_SORT_STATUS)
            fail("child-sort exited with %d instead of %d", status, CHILD_SORT_STATUS);
        read_chunk(name, i);
    }
    merge();
    verify();
}
