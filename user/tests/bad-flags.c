/* bad-flags: user code may set DF (string direction) and AC (alignment
 * check, which in the kernel overrides SMAP) before it enters the kernel.
 * The kernel must clear both for its own code and give them back: int
 * $0x42, a system call and a timer interrupt taken with both set return
 * with them still set, and a user fault with both set ends only the
 * process. (A debug kernel asserts both are clear in every handler.) */
#include "lib.h"

#include <stdalign.h>

#define RFLAGS_DF 0x400ul
#define RFLAGS_AC 0x40000ul
#define HOSTILE_FLAGS (RFLAGS_DF | RFLAGS_AC)
#define SPIN_LOOPS 20000000ul /* long enough for several timer interrupts */

static alignas(PAGE_SIZE) char page[PAGE_SIZE];

/* Each helper sets DF and AC, does one thing, reads RFLAGS back and
 * clears the two again, all in one asm block (C code needs DF clear). */
#define WITH_FLAGS(body, ...)                                                                      \
    __asm__ volatile("pushfq\n"                                                                    \
                     "orq %[hf], (%%rsp)\n"                                                        \
                     "popfq\n" body "pushfq\n"                                                     \
                     "pop %[fl]\n"                                                                 \
                     "pushfq\n"                                                                    \
                     "andq %[nhf], (%%rsp)\n"                                                      \
                     "popfq\n" __VA_ARGS__)

static uint64_t flags_after_int42(void)
{
    uint64_t fl, rax = (uint64_t)page;
    WITH_FLAGS("int $0x42\n",
               : [fl] "=&r"(fl), "+a"(rax)
               : [hf] "i"(HOSTILE_FLAGS), [nhf] "i"(~HOSTILE_FLAGS)
               : "memory", "cc");
    if (rax == 0)
        fail("int 0x42 of a resident page gave 0");
    return fl;
}

static uint64_t flags_after_syscall(void)
{
    uint64_t fl, rax = SYS_TELL, rdi = STDOUT_FILENO;
    WITH_FLAGS("syscall\n",
               : [fl] "=&r"(fl), "+a"(rax), "+D"(rdi)
               : [hf] "i"(HOSTILE_FLAGS), [nhf] "i"(~HOSTILE_FLAGS)
               : "rcx", "r11", "memory", "cc");
    return fl;
}

static uint64_t flags_after_spin(void)
{
    uint64_t fl, n = SPIN_LOOPS;
    WITH_FLAGS("1: dec %%rcx\n"
               "jnz 1b\n",
               : [fl] "=&r"(fl), "+c"(n)
               : [hf] "i"(HOSTILE_FLAGS), [nhf] "i"(~HOSTILE_FLAGS)
               : "memory", "cc");
    return fl;
}

static void fault_with_flags(void)
{
    uint64_t fl;
    WITH_FLAGS("movb 0, %%al\n",
               : [fl] "=&r"(fl)
               : [hf] "i"(HOSTILE_FLAGS), [nhf] "i"(~HOSTILE_FLAGS)
               : "rax", "memory", "cc");
}

void test_main(void)
{
    page[0] = 1;
    CHECK((flags_after_int42() & HOSTILE_FLAGS) == HOSTILE_FLAGS,
          "int 0x42 with DF and AC set returns with them set");
    CHECK((flags_after_syscall() & HOSTILE_FLAGS) == HOSTILE_FLAGS,
          "a system call with DF and AC set returns with them set");
    CHECK((flags_after_spin() & HOSTILE_FLAGS) == HOSTILE_FLAGS,
          "a spin with DF and AC set (timer interrupts) keeps them set");
    pid_t pid = fork("flags-fault");
    if (pid == 0) {
        fault_with_flags();
        exit(0);
    }
    CHECK(wait(pid) == KILLED_STATUS, "a fault with DF and AC set ends the process");
}
