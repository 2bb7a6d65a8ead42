/* Kernel threads and the scheduler: preemptive round robin with priorities
 * (the highest-priority ready thread runs; equal priorities share the CPU in
 * time slices of THREAD_TIME_SLICE ticks), an idle thread, sleeping by
 * ticks, and join. User processes run on threads (proc/process.c). */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include "kernel/list.h"
#include "kernel/sync.h"

#define THREAD_NAME_MAX   16
#define THREAD_TIME_SLICE 4
#define PRIORITY_MIN      0
#define PRIORITY_DEFAULT  31
#define PRIORITY_MAX      63

enum thread_state {
    THREAD_RUNNING,
    THREAD_READY,
    THREAD_BLOCKED,
    THREAD_DYING,
};

struct process;

struct thread {
    uint64_t rsp; /* saved stack pointer while switched out */
    enum thread_state state;
    int tid;
    int priority;
    char name[THREAD_NAME_MAX];
    void *stack;                 /* lowest address of the kernel stack */
    struct list_node sched_node; /* ready list, or a wait list while blocked */
    struct list_node all_node;   /* all_threads */
    uint64_t wake_tick;          /* when sleeping */
    unsigned slice_ticks;        /* ticks used of the current time slice */
    bool detached;               /* freed by the scheduler when it dies */
    struct semaphore done;       /* upped when the thread exits (join) */
    struct process *proc;        /* user process run by this thread, or NULL */
    uint32_t magic;              /* THREAD_MAGIC: detects stack overflow */
};

typedef void thread_fn(void *arg);

/* thread_init: make the boot code the first thread ("main"); call once,
 * after the heap works, before interrupts are enabled. */
void thread_init(void);
/* thread_start: create the idle thread and enable interrupts. */
void thread_start(void);

/* thread_create: a new ready thread running FN(ARG) at PRIORITY, or NULL
 * when out of memory. It must be joined (thread_join) unless detached. */
struct thread *thread_create(const char *name, int priority, thread_fn *fn, void *arg);
/* thread_detach: T frees itself when it exits; do not join it. */
void thread_detach(struct thread *t);
/* thread_join: wait until T exited, then free it. */
void thread_join(struct thread *t);
__attribute__((noreturn)) void thread_exit(void);

struct thread *thread_current(void);
void thread_yield(void);
/* thread_block: sleep until thread_unblock; interrupts must be off. */
void thread_block(void);
/* thread_unblock: make blocked T ready (any context; interrupts off or on). */
void thread_unblock(struct thread *t);
/* thread_sleep: block for at least TICKS timer ticks (no busy waiting). */
void thread_sleep(uint64_t ticks);
/* thread_tick: timer interrupt hook: time slices and sleeper wake-ups. */
void thread_tick(void);
void thread_set_priority(int priority);
/* thread_count: threads alive (for leak checks). */
int thread_count(void);
