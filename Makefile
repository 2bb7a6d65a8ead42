# Cinder: the one build. `make help` lists the targets and the variables
# a user may set, with their defaults: a `## text` comment at the end of a
# target's line, or on the line above a `?=` assignment, is its entry.
#
# Output is one line per step (`  CC      kernel/main.c`); V=1 prints the
# full commands. The chatter of tools (grub-mkrescue, mke2fs) goes to a log
# in the build directory, shown only when the tool fails. Every build also
# refreshes compile_commands.json (tools/compdb.py) for clangd.

## build directory
BUILD ?= build
## 1: -Og, KERNEL_DEBUG (heap poisoning, extra checks); 0: -O2, link-time optimization
DEBUG ?= 1
## 1: print full commands and tool output
V ?= 0
## how run/gdb attach the disk: ide or virtio
DISK_IF ?= ide
## guest RAM of run/gdb (QEMU -m)
MEM ?= 128M
## kernel command line of run/gdb (fw_cfg), e.g. "-q run 'echo hi'"
CMDLINE ?=
## extra QEMU arguments of run
QEMU_EXTRA ?=
## rounds of each file-system measurement of bench
BENCH_RUNS ?= 5
## tests check runs (names of tools/tests/NAME.test; empty: all)
TESTS ?=
## compilation database the build writes (empty: none)
COMPDB ?= compile_commands.json

# $(call show,TAG,WHAT) opens a recipe line: a short "  TAG     WHAT" line
# instead of the command, unless V=1. $(call logged,LOG,COMMAND) sends
# COMMAND's output to LOG, and shows it only if COMMAND fails.
ifeq ($(V),1)
Q :=
show =
logged = $(2)
else
Q := @
show = @printf '  %-7s %s\n' '$(1)' '$(2)';
logged = { $(2); } >$(1) 2>&1 || { cat $(1) >&2; exit 1; }
endif

CC := clang
LD := ld.lld
NASM := nasm

WARNINGS := -Wall -Wextra -Werror -Wno-unused-parameter
KERNEL_CFLAGS := --target=x86_64-elf -std=gnu11 -ffreestanding -fno-stack-protector -fno-pic \
    -mno-red-zone -mcmodel=kernel -mgeneral-regs-only -fno-builtin -nostdlib \
    -fno-omit-frame-pointer -g $(WARNINGS) -I. -MMD -MP
# The optimized kernel is compiled for link-time optimization: ld.lld
# inlines across files (a fault runs through vm.c, spt.c, frame.c, hash.c,
# sync.c), which under QEMU's TCG, where every call and return costs a
# lookup of the next translated block, makes faults and fork about a third
# cheaper. Objects are then LLVM bitcode; the debug build keeps plain ones.
ifeq ($(DEBUG),1)
KERNEL_CFLAGS += -Og -DKERNEL_DEBUG
else
KERNEL_CFLAGS += -O2 -flto
endif
NASMFLAGS := -f elf64 -g -F dwarf -I./

# ---- kernel sources, one list per layer ----
BOOT_SRCS := boot/boot.asm

KERNEL_SRCS := kernel/main.c kernel/actions.c kernel/console.c kernel/serial.c kernel/vga.c \
    kernel/printf.c kernel/string.c kernel/errors.c kernel/panic.c kernel/ksyms.c \
    kernel/gdt.c kernel/trap.c kernel/trap_entry.asm kernel/pic.c kernel/timer.c \
    kernel/cmdline.c kernel/spinlock.c kernel/sync.c kernel/ktest.c kernel/hash.c kernel/bitmap.c \
    kernel/input.c

MM_SRCS := mm/pmm.c mm/paging.c mm/kmalloc.c mm/kstack.c mm/uaccess.c \
    mm/vm.c mm/spt.c mm/uninit.c mm/anon.c mm/file_page.c mm/frame.c mm/swap.c mm/mmap.c \
    mm/page_cache.c

PROC_SRCS := proc/thread.c proc/switch.asm proc/syscall_entry.asm proc/process.c proc/fd.c \
    proc/elf.c proc/load.c proc/syscall.c proc/usertrap.c

DRIVERS_SRCS := drivers/shutdown.c drivers/fw_cfg.c drivers/pci.c drivers/block.c drivers/mbr.c \
    drivers/ata.c drivers/ata_dma.c drivers/virtio_blk.c drivers/storage.c drivers/ramdisk.c

FS_SRCS := fs/bcache.c fs/ext2_super.c fs/ext2_layout.c fs/ext2_alloc.c fs/ext2_inode.c fs/ext2_dir.c fs/file.c \
    fs/fsbench.c

TEST_SRCS := mm/kmalloc_test.c mm/pmm_test.c mm/paging_test.c \
    kernel/hash_test.c kernel/bitmap_test.c kernel/list_test.c kernel/printf_test.c \
    kernel/cmdline_test.c kernel/string_test.c \
    proc/thread_test.c proc/fd_test.c \
    drivers/block_test.c drivers/block_timeout_test.c \
    fs/ext2_test.c fs/file_test.c \
    mm/uaccess_test.c mm/vm_test.c mm/cow_test.c

SRCS := $(BOOT_SRCS) $(KERNEL_SRCS) $(MM_SRCS) $(PROC_SRCS) $(DRIVERS_SRCS) $(FS_SRCS) $(TEST_SRCS)
OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(SRCS))

KERNEL := $(BUILD)/kernel.elf
ISO := $(BUILD)/os.iso

.PHONY: all kernel iso run check gdb clean deps help disk user bench format compdb
all: iso ## the default: same as iso

help: ## this list
	@tools/make-help.sh Makefile user/user.mk

# Install missing host packages (Debian; needs root).
deps: ## install the missing Debian packages the build and tests need (apt-get)
	@tools/install-deps.sh

# Every C compile leaves its entry of the compilation database (clang -MJ)
# next to its object.
$(BUILD)/obj/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(call show,CC,$<)$(CC) $(KERNEL_CFLAGS) -MJ $(@:.o=.json) -c $< -o $@

$(BUILD)/obj/%.asm.o: %.asm
	@mkdir -p $(dir $@)
	$(call show,AS,$<)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) $< -o $@

# Two-pass link: the first link's text symbols become the .ksyms section of
# the second. .ksyms is the last section, so code addresses do not move.
$(BUILD)/ksyms0.asm: tools/gen-ksyms.sh
	@mkdir -p $(BUILD)
	$(call show,GEN,$@)tools/gen-ksyms.sh > $@

$(BUILD)/kernel0.elf: $(OBJS) $(BUILD)/ksyms0.o linker.ld
	$(call show,LD,$@)$(LD) -nostdlib -static -T linker.ld -o $@ $(OBJS) $(BUILD)/ksyms0.o

$(BUILD)/ksyms.asm: $(BUILD)/kernel0.elf tools/gen-ksyms.sh
	$(call show,GEN,$@)tools/gen-ksyms.sh $< > $@

$(BUILD)/%.o: $(BUILD)/%.asm
	$(call show,AS,$<)$(NASM) -f elf64 $< -o $@

$(KERNEL): $(OBJS) $(BUILD)/ksyms.o linker.ld
	$(call show,LD,$@)$(LD) -nostdlib -static -T linker.ld -o $@ $(OBJS) $(BUILD)/ksyms.o
	@cmp -s <(nm $(BUILD)/kernel0.elf | grep -i ' t ') <(nm $@ | grep -i ' t ') || \
		{ echo "ksyms: text moved between link passes" >&2; rm -f $@; exit 1; }
	@grub-file --is-x86-multiboot2 $@ || { echo "$@: no Multiboot2 header" >&2; rm -f $@; exit 1; }

kernel: $(KERNEL) compdb ## build/kernel.elf only
	@:

$(ISO): $(KERNEL) iso/boot/grub/grub.cfg
	@rm -rf $(BUILD)/isodir && mkdir -p $(BUILD)/isodir/boot/grub
	$(Q)cp iso/boot/grub/grub.cfg $(BUILD)/isodir/boot/grub/
	$(Q)cp $(KERNEL) $(BUILD)/isodir/boot/kernel.elf
	$(call show,ISO,$@)$(call logged,$(BUILD)/grub-mkrescue.log,grub-mkrescue -o $@ \
		--install-modules="multiboot2 normal iso9660 biosdisk" \
		--locales= --fonts= --themes= $(BUILD)/isodir)

iso: $(ISO) compdb ## build/kernel.elf and build/os.iso
	@:

include user/user.mk
user: compdb ## every user program (build/user/bin/NAME)
	@:

# compile_commands.json for clangd: the entries the compiles of the kernel
# and of user space left next to their objects, then those the host
# harness scripts record as they build (tools/compdb.py record, into
# build/compdb). It waits for the objects of the build goals of this make,
# so that one join sees them all; it is rewritten only when it changes.
COMPDB_GOALS := $(or $(MAKECMDGOALS),all)
COMPDB_OBJS := $(if $(filter all iso kernel,$(COMPDB_GOALS)),$(OBJS)) \
    $(if $(filter user disk,$(COMPDB_GOALS)),$(USER_ALL_OBJS))
HOST_COMPDB := build/compdb

compdb: $(COMPDB_OBJS) ## refresh compile_commands.json (every build does)
ifneq ($(COMPDB),)
	$(Q)tools/compdb.py join $(COMPDB) $(BUILD)/obj $(USER_OBJ) $(HOST_COMPDB)
endif

# The data disk: MBR, ext2 partition with every user program and data file
# in its root directory, swap partition. Sizes are parameters.
DISK := $(BUILD)/disk.img
## size of the ext2 partition of build/disk.img
FS_SIZE ?= 32M
## size of its swap partition (0: none)
SWAP_SIZE ?= 8M
## its ext2 block size (1024 or 4096)
FS_BLOCK ?= 1024
DISK_DRIVE_ide := -drive file=$(DISK),format=raw,if=ide,index=0
DISK_DRIVE_virtio := -drive file=$(DISK),format=raw,if=virtio

disk: $(DISK) compdb ## build/disk.img (make -B disk to change the sizes of an existing one)
	@:

$(DISK): $(USER_DISK_FILES) $(USER_DATA_FILES) tools/mkdisk.sh
	$(Q)rm -rf $(BUILD)/disk-root && mkdir -p $(BUILD)/disk-root
	$(Q)cp $(USER_DISK_FILES) $(USER_DATA_FILES) $(BUILD)/disk-root/
	$(call show,DISK,$@)$(call logged,$(BUILD)/mkdisk.log,tools/mkdisk.sh $@ \
		$(FS_SIZE) $(SWAP_SIZE) $(FS_BLOCK) $(BUILD)/disk-root)

QEMU_BASE := qemu-system-x86_64 -accel tcg -cpu max -nodefaults -no-reboot -vga std \
    -serial mon:stdio -m $(MEM) -cdrom $(ISO) -boot d \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04
comma := ,
QEMU_CMDLINE := $(if $(CMDLINE),-fw_cfg name=opt/cmdline$(comma)string="$(CMDLINE)")

# Boot the kernel and run its default action (the shell), console on this
# terminal. DISK_IF=virtio attaches the disk as virtio-blk instead of IDE.
run: deps ## build, boot in QEMU with the console on this terminal (the shell)
	$(Q)$(MAKE) --no-print-directory iso disk
	$(call show,QEMU,$(ISO))$(QEMU_BASE) -display none $(DISK_DRIVE_$(DISK_IF)) \
		$(QEMU_CMDLINE) $(QEMU_EXTRA); \
		s=$$?; [ $$s -eq 33 ] || [ $$s -eq 0 ] || echo "QEMU exited with status $$s"

# Run every test (parallel, one QEMU per core).
# The host harnesses record their compile commands as they build: the
# database is joined again afterwards.
check: deps ## build, run the test suite (TESTS="a b": only those)
	$(Q)$(MAKE) --no-print-directory iso user
	$(Q)python3 tools/runtests.py --build $(BUILD) $(TESTS); s=$$?; \
		$(MAKE) --no-print-directory compdb; exit $$s

# QEMU halted with a GDB stub, GDB attached with symbols and tools/gdbinit.
gdb: deps ## boot halted with a GDB stub, GDB attached at kmain
	$(Q)$(MAKE) --no-print-directory iso disk
	$(Q)MEM=$(MEM) DISK_IF=$(DISK_IF) tools/gdb.sh $(BUILD) "$(CMDLINE)"

# Benchmarks: a DEBUG=0 kernel and user programs in their own build
# directory (never mixed with the debug build), booted by tools/bench.sh:
# the VM figures (first touch, stack growth, swap, exec of a big bss), the
# system-call round trip and fork+exec+wait cycles, then file-system
# throughput on IDE and virtio.
BENCH_BUILD := build/bench
bench: deps ## measurements under TCG (DEBUG=0 build in build/bench)
	$(Q)$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) DEBUG=0 COMPDB= iso user
	$(Q)tools/bench.sh $(BENCH_BUILD) $(BENCH_RUNS)

# The layout of .clang-format on every tracked C source and header; the
# test `format` of make check fails when a file differs.
format: deps ## clang-format -i on every tracked .c and .h
	$(Q)git ls-files -z '*.c' '*.h' | xargs -0 clang-format -i

clean: ## remove the build directory
	$(Q)rm -rf $(BUILD)


SHELL := /bin/bash
-include $(OBJS:.o=.d)
