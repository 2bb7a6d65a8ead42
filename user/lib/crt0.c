/* Program entry. The kernel enters _start with rdi = argc, rsi = argv and
 * rsp at a fake return address whose alignment depends on argc; _start
 * aligns the stack as the C ABI wants and calls main, then exits with its
 * result. */
#include <syscall.h>

int main(int argc, char *argv[]);

/* start_c: run main and exit with its result; never returns. */
__attribute__((noreturn, used)) static void start_c(int argc, char *argv[])
{
    exit(main(argc, argv));
}

/* _start: clear the frame pointer (backtraces end here), align rsp to 16
 * and call start_c(argc, argv); rdi and rsi pass through untouched. */
__asm__(".text\n"
        ".globl _start\n"
        ".type _start, @function\n"
        "_start:\n"
        "    xor %ebp, %ebp\n"
        "    and $-16, %rsp\n"
        "    call start_c\n"
        "    ud2\n"
        ".size _start, . - _start\n");
