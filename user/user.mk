# User space build fragment, included by the top-level Makefile, which
# defines BUILD, CC, LD and `show` (the short line of a step). `make user`
# builds every program to $(BUILD)/user/bin/NAME: the C library
# (user/lib), the utilities (user/bin), and the bundled test programs
# (user/tests) with their helpers.
# USER_DISK_FILES lists what goes into the root directory of the disk;
# USER_DATA_FILES are data files that tests attach with `extra:`.

USER_OBJ := $(BUILD)/user/obj
USER_BIN := $(BUILD)/user/bin

USER_CFLAGS := --target=x86_64-elf -ffreestanding -fno-stack-protector -fno-pic -fno-pie \
	-mno-red-zone -mgeneral-regs-only -fno-builtin -nostdlib -fno-asynchronous-unwind-tables \
	-ffunction-sections -fdata-sections -O2 -g -Wall -Wextra -Werror -Iuser/include -MMD -MP
USER_LDFLAGS := -nostdlib -static --gc-sections -z max-page-size=4096 -T user/user.ld

USER_LIB_SRCS := user/lib/crt0.c user/lib/syscall.c user/lib/string.c user/lib/printf.c \
	user/lib/stdlib.c user/lib/malloc.c
USER_LIB_OBJS := $(patsubst user/%.c,$(USER_OBJ)/%.o,$(USER_LIB_SRCS))
# Test helper (msg, fail, boundary area) and the shared test main().
USER_TLIB_OBJS := $(USER_OBJ)/tests/lib.o
USER_TMAIN_OBJ := $(USER_OBJ)/tests/main.o

# Utilities: user/bin/NAME.c each.
USER_BIN_PROGS := shell echo cat cp ls rm mkdir bench-syscall bench-fork
# Argument-passing tests: one source (user/tests/args.c), several names.
USER_ARGS_PROGS := args-none args-single args-multiple args-many args-dbl-space child-args
# Programs with their own main() that use the test helper: children run by
# tests, and tests that control their own begin/end lines.
USER_CHILD_PROGS := child-simple child-bad child-close child-read child-rox \
	multi-recurse multi-oom child-dup2
# Tests built from user/tests/NAME.c with the shared main() (begin/end).
USER_TESTS := halt exit \
	create-normal create-empty create-null create-bad-ptr create-long create-exists \
	create-bound \
	open-normal open-missing open-boundary open-empty open-null open-bad-ptr open-twice \
	close-normal close-twice close-bad-fd \
	read-normal read-bad-ptr read-boundary read-zero read-stdout read-bad-fd \
	write-normal write-bad-ptr write-boundary write-zero write-stdin write-bad-fd \
	seek-tell filesize remove-normal \
	fork-once fork-multiple fork-recursive fork-read fork-close fork-boundary \
	exec-once exec-arg exec-boundary exec-missing exec-bad-ptr exec-read \
	wait-simple wait-twice wait-killed wait-bad-pid \
	multi-child-fd rox-simple rox-child rox-multichild open-many dup2 dir-ops orphan \
	dup2-high dup2-limit dup2-stdin dup2-stdout dup2-fork dup2-exec dup2-random \
	bad-read bad-write bad-jump bad-read2 bad-write2 bad-jump2 \
	phys-addr exec-bad-elf exec-bad-elfs fuzz-syscalls fuzz-int bad-flags printf-flags \
	fs-rewrite xattr-rw read-paste write-full

# Virtual-memory tests (demand paging, stack growth, eviction, swap):
# USER_VM_TESTS use the shared main() like USER_TESTS; USER_VM_CHILD_PROGS
# have their own main() like USER_CHILD_PROGS (children, the VM fuzzer).
USER_VM_TESTS := pt-grow-stack pt-big-stk-obj pt-grow-bad pt-grow-stk-sc \
	pt-bad-addr pt-bad-read pt-write-code pt-write-code2 stack-bad-far stack-near-lim \
	lazy-anon lazy-text page-linear page-shuffle page-parallel \
	page-merge-seq page-merge-par page-merge-stk bss-20m-linear bss-20m-random \
	swap-anon swap-fork swap-exit swap-full no-swap \
	mmap-read mmap-write mmap-remove mmap-unmap mmap-ro mmap-twice mmap-off mmap-bad \
	mmap-clean mmap-exit mmap-fork mmap-exec mmap-big page-merge-mm mmap-exe \
	cow-phys cow-tree cow-swap cow-orphan cow-slot cow-mmap cow-oom \
	pcache-rw pcache-par pcache-seq
USER_VM_CHILD_PROGS := vm-fuzz mmap-fuzz child-linear child-sort child-qsort \
	child-mm-write child-mm-touch child-sort-mm cow-text pcache-ra
# Benchmark programs of `make bench` for the VM (user/bin/NAME.c).
USER_VM_BENCH_PROGS := bench-anon bench-stack bench-swap bench-mmap bench-cow

USER_BIN_PROGS += $(USER_VM_BENCH_PROGS)
USER_CHILD_PROGS += $(USER_VM_CHILD_PROGS)
USER_TESTS += $(USER_VM_TESTS)

USER_PROGS := $(USER_BIN_PROGS) $(USER_ARGS_PROGS) $(USER_CHILD_PROGS) $(USER_TESTS)
USER_PROG_FILES := $(addprefix $(USER_BIN)/,$(USER_PROGS))
USER_DISK_FILES := $(USER_PROG_FILES)
USER_DATA_FILES := user/tests/sample.txt

.PHONY: user
user: $(USER_PROG_FILES)

$(USER_OBJ)/%.o: user/%.c
	@mkdir -p $(@D)
	$(call show,CC,$<)$(CC) $(USER_CFLAGS) -MJ $(@:.o=.json) -c $< -o $@

# USER_PROG(name, objects): link $(USER_BIN)/name from objects and the library.
define USER_PROG
$(USER_BIN)/$(1): $(2) $(USER_LIB_OBJS) user/user.ld
	@mkdir -p $$(@D)
	$$(call show,LD,$$@)$(LD) $(USER_LDFLAGS) -o $$@ $(2) $(USER_LIB_OBJS)
endef

$(foreach p,$(USER_BIN_PROGS),$(eval $(call USER_PROG,$(p),$(USER_OBJ)/bin/$(p).o)))
$(foreach p,$(USER_ARGS_PROGS),\
	$(eval $(call USER_PROG,$(p),$(USER_OBJ)/tests/args.o $(USER_TLIB_OBJS))))
$(foreach p,$(USER_CHILD_PROGS),\
	$(eval $(call USER_PROG,$(p),$(USER_OBJ)/tests/$(p).o $(USER_TLIB_OBJS))))
$(foreach p,$(USER_TESTS),\
	$(eval $(call USER_PROG,$(p),$(USER_OBJ)/tests/$(p).o $(USER_TMAIN_OBJ) $(USER_TLIB_OBJS))))

USER_ALL_OBJS := $(USER_LIB_OBJS) $(USER_TLIB_OBJS) $(USER_TMAIN_OBJ) $(USER_OBJ)/tests/args.o \
	$(patsubst %,$(USER_OBJ)/bin/%.o,$(USER_BIN_PROGS)) \
	$(patsubst %,$(USER_OBJ)/tests/%.o,$(USER_CHILD_PROGS) $(USER_TESTS))
-include $(USER_ALL_OBJS:.o=.d)
