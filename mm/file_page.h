/* File pages: a page whose bytes come from a file (an executable's
 * read-only text today; mmap builds on it). A clean file page is dropped
 * when evicted and read again from its file on the next fault. */
#pragma once
#include "mm/page.h"

/* file_backed_initializer: transmute PAGE into a file page that reads
 * itself again through its uninit loader and aux (a new reference). The
 * page_initializer of VM_FILE. */
void file_backed_initializer(struct page *page, enum vm_type type, void *kva);
