/* Uninit pages: registered, not yet loaded (see mm/page.h). */
#pragma once
#include "mm/page.h"

/* uninit_new: make PAGE (va VA) an uninit page that becomes TYPE on its
 * first fault: PAGE_INIT installs the type, then INIT(page, AUX) fills the
 * frame (INIT NULL: zero-filled). Takes a reference to AUX. */
void uninit_new(struct page *page, uint64_t va, vm_initializer *init, enum vm_type type,
                struct vm_aux *aux, page_initializer *page_init);
/* uninit_transmute: turn uninit PAGE into its type now without filling
 * anything (its contents come from elsewhere: fork copies them in). The
 * type takes its own reference to the aux; the uninit's is dropped. */
void uninit_transmute(struct page *page);
