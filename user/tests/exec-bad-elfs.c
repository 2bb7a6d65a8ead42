/* exec-bad-elfs: exec of each malformed executable that tools/mkbadelf.py
 * derives from child-simple (bad magic, class, machine or type; program
 * headers out of the file; segments out of user space, wrapping, in the
 * stack, overlapping or misaligned; entry point outside the executable
 * segments; an interpreter; truncated files) fails: every child exits
 * with -1 and the kernel keeps running. A last exec of the good
 * child-simple succeeds. The list must match the generator's. */
#include "lib.h"

static const char *const bad_elfs[] = {
    "be-magic",
    "be-class32",
    "be-bigendian",
    "be-identver",
    "be-machine",
    "be-dyn",
    "be-rel",
    "be-version",
    "be-phentsize",
    "be-phnum0",
    "be-phnum-huge",
    "be-phnum-64",
    "be-phoff-end",
    "be-phoff-wrap",
    "be-entry-out",
    "be-entry-data",
    "be-entry-kern",
    "be-entry-nc",
    "be-filesz",
    "be-off-end",
    "be-off-wrap",
    "be-filesz-big",
    "be-kernel",
    "be-kernel-hi",
    "be-cross-top",
    "be-wrap",
    "be-memsz-wrap",
    "be-page0",
    "be-misalign",
    "be-stack",
    "be-overlap",
    "be-overlap2",
    "be-noload",
    "be-bss-stack",
    "be-bss-stack2",
    "be-interp",
    "be-dynamic",
    "be-trunc-hdrs",
    "be-trunc-text",
    "be-trunc-ehdr",
    "be-empty",
    "be-text",
};

void test_main(void)
{
    for (size_t i = 0; i < sizeof bad_elfs / sizeof *bad_elfs; i++) {
        int status = wait(spawn(bad_elfs[i]));
        CHECK(status == KILLED_STATUS, "%s: exec failed", bad_elfs[i]);
    }
    CHECK(wait(spawn("child-simple")) == CHILD_SIMPLE_STATUS, "child-simple still runs");
}
