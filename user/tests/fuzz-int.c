/* fuzz-int: raw software interrupts from user mode.
 * 1. int $0x42 with ROUNDS random rax values (kernel, non-canonical,
 *    unmapped, valid, random addresses) and random values in every other
 *    register: the answer is 0 or a page-aligned kernel address, the same
 *    for two addresses of one page, nonzero for pages the program uses,
 *    and every register but rax comes back unchanged.
 * 2. `int $N` for every vector N, each in a forked child: only the
 *    user-callable vectors (0x42, and the optional 0x43/0x44) return; any
 *    other one ends the child with -1 (a general-protection fault), and
 *    the kernel goes on. */
#include "lib.h"

#include <stdalign.h>

#define ROUNDS 20000
#define SEED 0x1234fedcba987650ull
#define VECTORS 256
#define VEC_USER_PHYS 0x42
#define VEC_DISK_READS 0x43
#define VEC_DISK_WRITES 0x44
#define KERNEL_HALF 0xffff800000000000ul
#define STUB_SIZE 4 /* each int stub: cd NN c3 90 */
#define CHILD_OK 0

static uint64_t rng = SEED;
static alignas(PAGE_SIZE) char pages[2 * PAGE_SIZE];

static uint64_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545f4914f6cdd1dull;
}

/* Registers given to and returned by int_0x42. */
struct regs {
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15;
};

/* int_0x42: load every register from IN, int $0x42, store them to OUT. */
static void int_0x42(const struct regs *in, struct regs *out)
{
    __asm__ volatile("push %%rbp\n"
                     "push %%rsi\n" /* OUT */
                     "mov %%rdi, %%rax\n"
                     "mov 8(%%rax), %%rbx\n"
                     "mov 16(%%rax), %%rcx\n"
                     "mov 24(%%rax), %%rdx\n"
                     "mov 32(%%rax), %%rsi\n"
                     "mov 40(%%rax), %%rdi\n"
                     "mov 48(%%rax), %%rbp\n"
                     "mov 56(%%rax), %%r8\n"
                     "mov 64(%%rax), %%r9\n"
                     "mov 72(%%rax), %%r10\n"
                     "mov 80(%%rax), %%r11\n"
                     "mov 88(%%rax), %%r12\n"
                     "mov 96(%%rax), %%r13\n"
                     "mov 104(%%rax), %%r14\n"
                     "mov 112(%%rax), %%r15\n"
                     "mov 0(%%rax), %%rax\n"
                     "int $0x42\n"
                     "xchg %%rax, 0(%%rsp)\n" /* rax saved, OUT in rax */
                     "mov %%rbx, 8(%%rax)\n"
                     "mov %%rcx, 16(%%rax)\n"
                     "mov %%rdx, 24(%%rax)\n"
                     "mov %%rsi, 32(%%rax)\n"
                     "mov %%rdi, 40(%%rax)\n"
                     "mov %%rbp, 48(%%rax)\n"
                     "mov %%r8, 56(%%rax)\n"
                     "mov %%r9, 64(%%rax)\n"
                     "mov %%r10, 72(%%rax)\n"
                     "mov %%r11, 80(%%rax)\n"
                     "mov %%r12, 88(%%rax)\n"
                     "mov %%r13, 96(%%rax)\n"
                     "mov %%r14, 104(%%rax)\n"
                     "mov %%r15, 112(%%rax)\n"
                     "pop %%rbx\n"
                     "mov %%rbx, 0(%%rax)\n"
                     "pop %%rbp\n"
                     : "+D"(in), "+S"(out)
                     :
                     : "rax", "rbx", "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
                       "r15", "memory");
}

static const uint64_t addresses[] = {
    0,
    1,
    0xfff,
    0x1000,
    0x3fffff,
    0x10000000,
    USER_STACK,
    USER_STACK - 1,
    USER_STACK - PAGE_SIZE,
    USER_TOP - 1,
    USER_TOP,
    KERNEL_HALF,
    0xffffffff80000000,
    0xffffffff80100000,
    0x0000800000000000,
    0x00007fffffffffff,
    0x8000000000000000,
    0xdeadbeefdeadbeef,
    (uint64_t)-1,
};

/* an_address: a user address to ask about, of any kind. */
static uint64_t an_address(void)
{
    switch (rnd() % 4) {
    case 0:
        return addresses[rnd() % (sizeof addresses / sizeof *addresses)];
    case 1:
        return rnd();
    case 2:
        return rnd() % USER_TOP;
    default:
        return (uint64_t)pages + rnd() % sizeof pages;
    }
}

/* check_answer: fail unless OUT is a sane answer to IN for address VA. */
static void check_answer(const struct regs *in, const struct regs *out)
{
    uint64_t kva = out->rax;
    if (kva != 0 && (kva % PAGE_SIZE != 0 || kva < KERNEL_HALF))
        fail("int 0x42 of 0x%lx gave 0x%lx", in->rax, kva);
    const uint64_t *a = &in->rbx, *b = &out->rbx;
    for (int i = 0; i < 14; i++)
        if (a[i] != b[i])
            fail("int 0x42 changed register %d: 0x%lx -> 0x%lx", i + 1, a[i], b[i]);
    uint64_t va = in->rax;
    bool mine = va >= (uint64_t)pages && va < (uint64_t)pages + sizeof pages;
    if (mine && kva != get_phys_addr(&pages[(va - (uint64_t)pages) / PAGE_SIZE * PAGE_SIZE]))
        fail("int 0x42 of 0x%lx: not the frame of its page", va);
    if (va >= USER_TOP && kva != 0)
        fail("int 0x42 of kernel address 0x%lx gave 0x%lx", va, kva);
}

static void fuzz_int42(void)
{
    pages[0] = pages[PAGE_SIZE] = 1;
    for (int i = 0; i < ROUNDS; i++) {
        struct regs in, out;
        uint64_t *r = &in.rax;
        for (size_t j = 0; j < sizeof in / sizeof *r; j++)
            r[j] = rnd();
        in.rax = an_address();
        int_0x42(&in, &out);
        check_answer(&in, &out);
    }
    msg("int 0x42: %d random addresses answered sanely", ROUNDS);
}

/* int_stubs: VECTORS stubs of STUB_SIZE bytes: `int $N; ret`. */
void int_stubs(void);
__asm__(".text\n"
        ".balign 16\n"
        ".globl int_stubs\n"
        "int_stubs:\n"
        ".set vec, 0\n"
        ".rept 256\n"
        ".byte 0xcd, vec, 0xc3, 0x90\n"
        ".set vec, vec + 1\n"
        ".endr\n");

/* try_vector: fork a child that raises `int $V`; its exit status. */
static int try_vector(unsigned v)
{
    pid_t pid = fork("int");
    if (pid == 0) {
        ((void (*)(void))((char *)int_stubs + v * STUB_SIZE))();
        exit(CHILD_OK);
    }
    if (pid == PID_ERROR)
        fail("fork failed for vector %u", v);
    return wait(pid);
}

static void fuzz_vectors(void)
{
    int killed = 0;
    for (unsigned v = 0; v < VECTORS; v++) {
        int status = try_vector(v);
        if (v == VEC_USER_PHYS) {
            if (status != CHILD_OK)
                fail("int $0x42 ended the process (%d)", status);
        } else if (v == VEC_DISK_READS || v == VEC_DISK_WRITES) {
            if (status != CHILD_OK && status != KILLED_STATUS)
                fail("int $0x%x: status %d", v, status);
        } else if (status == KILLED_STATUS) {
            killed++;
        } else {
            fail("int $0x%x returned to user mode (status %d)", v, status);
        }
    }
    msg("%d other vectors ended the process", killed);
}

void test_main(void)
{
    fuzz_int42();
    fuzz_vectors();
}
