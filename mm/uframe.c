/* User-frame accounting (see uframe.h). The counter is guarded by a
 * spinlock because frames may be freed from any thread. */
#include "kernel/cmdline.h"
#include "kernel/sync.h"
#include "mm/pmm.h"
#include "mm/uframe.h"

static struct spinlock uframe_lock = {.name = "uframe"};
static size_t uframes_used;

/* uframe_quota_ok_locked: may one more user frame be handed out? */
static bool uframe_quota_ok_locked(void)
{
    long limit = kernel_cmdline.user_frame_limit;
    return limit < 0 || uframes_used < (size_t)limit;
}

void *uframe_alloc(void)
{
    spin_lock(&uframe_lock);
    bool ok = uframe_quota_ok_locked();
    if (ok)
        uframes_used++;
    spin_unlock(&uframe_lock);
    if (!ok)
        return NULL;
    void *kva = pmm_alloc_page();
    if (!kva) {
        spin_lock(&uframe_lock);
        uframes_used--;
        spin_unlock(&uframe_lock);
    }
    return kva;
}

void uframe_free(void *kva)
{
    pmm_free_page(kva);
    spin_lock(&uframe_lock);
    uframes_used--;
    spin_unlock(&uframe_lock);
}

size_t uframe_in_use(void)
{
    spin_lock(&uframe_lock);
    size_t n = uframes_used;
    spin_unlock(&uframe_lock);
    return n;
}
