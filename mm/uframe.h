/* User frames: every frame that backs a user page comes from here, so the
 * number of them can be capped (-ul=N on the command line) and counted.
 * A thin wrapper over the frame allocator for now; the VM's frame table
 * (with eviction) replaces it. */
#pragma once
#include <stddef.h>

/* uframe_alloc: a zeroed frame for a user page, as its direct-map address,
 * or NULL when frames (or the -ul quota) are exhausted. */
void *uframe_alloc(void);
/* uframe_free: return a frame from uframe_alloc. */
void uframe_free(void *kva);
/* uframe_in_use: user frames currently allocated. */
size_t uframe_in_use(void);
