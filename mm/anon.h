/* Anonymous pages: memory with no file behind it (stack, bss, data pages
 * an executable may write). Evicted to a swap slot. */
#pragma once
#include "mm/page.h"

/* anon_initializer: transmute PAGE into an anonymous page (no slot yet;
 * dirty: its contents exist nowhere else). The page_initializer of VM_ANON. */
void anon_initializer(struct page *page, enum vm_type type, void *kva);
