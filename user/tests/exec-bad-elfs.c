/* exec-bad-elfs: exec of each malformed executable that tools/mkbadelf.py
 * derives from child-simple (bad magic, class, machine or type; program
 * headers out of the file; segments out of user space, wrapping, in the
 * stack, overlapping or misaligned; entry point outside the executable
 * segments; an interpreter; truncated files) fails: every child exits
 * with -1 and the kernel keeps running. Each unusual but valid one (an
 * empty PT_LOAD, unknown segment types, a segment aligned to 16 or 1
 * only) runs as child-simple does, as does a last exec of the good
 * child-simple. The lists must match the generator's. */
#include "lib.h"

static const char *const bad_elfs[] = {
    "be-magic",      "be-class32",    "be-bigendian",  "be-identver",   "be-machine",
    "be-dyn",        "be-rel",        "be-version",    "be-phentsize",  "be-phnum0",
    "be-phnum-huge", "be-phnum-64",   "be-phoff-end",  "be-phoff-wrap", "be-entry-out",
    "be-entry-data", "be-entry-kern", "be-entry-nc",   "be-filesz",     "be-off-end",
    "be-off-wrap",   "be-filesz-big", "be-kernel",     "be-kernel-hi",  "be-cross-top",
    "be-wrap",       "be-memsz-wrap", "be-page0",      "be-misalign",   "be-stack",
    "be-overlap",    "be-overlap2",   "be-noload",     "be-bss-stack",  "be-bss-stack2",
    "be-align16",    "be-align3",     "be-empty-fsz",  "be-interp",     "be-dynamic",
    "be-trunc-hdrs", "be-trunc-text", "be-trunc-ehdr", "be-empty",      "be-text",
};

static const char *const unusual_elfs[] = {
    "ok-empty-load", "ok-empty-kern", "ok-unknown-pt", "ok-align16", "ok-align1",
};

void test_main(void)
{
    for (size_t i = 0; i < sizeof bad_elfs / sizeof *bad_elfs; i++) {
        int status = wait(spawn(bad_elfs[i]));
        CHECK(status == KILLED_STATUS, "%s: exec failed", bad_elfs[i]);
    }
    for (size_t i = 0; i < sizeof unusual_elfs / sizeof *unusual_elfs; i++) {
        int status = wait(spawn(unusual_elfs[i]));
        CHECK(status == CHILD_SIMPLE_STATUS, "%s: runs", unusual_elfs[i]);
    }
    CHECK(wait(spawn("child-simple")) == CHILD_SIMPLE_STATUS, "child-simple still runs");
}
