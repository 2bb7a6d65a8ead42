/* User-memory copies with fault recovery. uaccess_copy is the only code
 * that touches user addresses: a `rep movsq` for the 8-byte words, then a
 * `rep movsb` for the last bytes (a byte at a time costs eight times the
 * iterations, each one dear under QEMU's TCG), each with an
 * exception-table entry. If one faults (unmapped page, write to a
 * read-only page), the trap path finds its entry and resumes at the fixup
 * with rcx = words or bytes left, from which the bytes not copied are
 * worked out, so the copy reports failure. With SMAP the copy runs between stac and clac.
 * A fault on a valid page that is not resident (not loaded yet, swapped
 * out, a stack page to grow) is first resolved by the VM (proc/usertrap.c)
 * and the copy goes on; only what the VM cannot resolve reaches the
 * exception table. */
#include "kernel/errors.h"
#include "kernel/string.h"
#include "mm/memlayout.h"
#include "mm/paging.h"
#include "mm/uaccess.h"

/* uaccess_copy: copy N bytes; returns the number of bytes NOT copied. With
 * SMAP, user pages are opened (stac) for the copy alone. */
static size_t uaccess_copy(void *dst, const void *src, size_t n)
{
    bool smap = paging_has_smap();
    size_t left = n / sizeof(uint64_t), tail = n % sizeof(uint64_t);
    if (smap)
        __asm__ volatile("stac" ::: "memory");
    __asm__ volatile(
        "1: rep movsq\n"
        "   mov %[tail], %%rcx\n"
        "2: rep movsb\n"
        "   jmp 4f\n"
        "3: lea (%[tail], %%rcx, 8), %%rcx\n" /* the words left, in bytes, and the tail */
        "4:\n"
        ".pushsection .extable, \"a\"\n"
        ".balign 8\n"
        ".quad 1b, 3b\n"
        ".quad 2b, 4b\n"
        ".popsection"
        : "+D"(dst), "+S"(src), "+c"(left)
        : [tail] "r"(tail)
        : "memory");
    if (smap)
        __asm__ volatile("clac" ::: "memory");
    return left;
}

bool uaccess_range_ok(uint64_t uaddr, size_t size)
{
    return uaddr < USER_TOP && size <= USER_TOP - uaddr;
}

int copy_from_user(void *dst, const void *uaddr, size_t size)
{
    if (!uaccess_range_ok((uint64_t)uaddr, size))
        return ERR_FAULT;
    return uaccess_copy(dst, uaddr, size) ? ERR_FAULT : ERR_OK;
}

int copy_to_user(void *uaddr, const void *src, size_t size)
{
    if (!uaccess_range_ok((uint64_t)uaddr, size))
        return ERR_FAULT;
    return uaccess_copy(uaddr, src, size) ? ERR_FAULT : ERR_OK;
}

/* A string is copied a page at a time: a chunk never crosses a page
 * boundary, so a string that ends before an unmapped page is fine. */
long strncpy_from_user(char *dst, const char *uaddr, size_t size)
{
    uint64_t ua = (uint64_t)uaddr;
    size_t done = 0;
    while (done < size) {
        if (ua + done >= USER_TOP)
            return ERR_FAULT;
        size_t chunk = PAGE_SIZE - ((ua + done) & PAGE_MASK);
        if (chunk > size - done)
            chunk = size - done;
        if (uaccess_copy(dst + done, (const void *)(ua + done), chunk))
            return ERR_FAULT;
        size_t len = strnlen(dst + done, chunk);
        if (len < chunk)
            return (long)(done + len);
        done += chunk;
    }
    if (size)
        dst[size - 1] = '\0';
    return ERR_NAME_TOO_LONG;
}
