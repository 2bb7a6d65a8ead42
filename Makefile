# Cinder: the one build. `make help` lists the targets.
#
#   make run     boot the ISO in QEMU (serial console on this terminal)
#   make check   build everything and run the whole test suite
#   make gdb     boot halted with a GDB stub and attach GDB
#   make disk    build the data disk (build/disk.img)
#   make bench   performance measurements (DEBUG=0 kernel in build/bench)
#
# DEBUG=1 (default) builds with -Og and KERNEL_DEBUG (heap poisoning,
# extra assertions); DEBUG=0 builds -O2 (make bench uses it).

BUILD ?= build
DEBUG ?= 1
DISK_IF ?= ide
MEM ?= 128M
CMDLINE ?=
QEMU_EXTRA ?=
BENCH_RUNS ?= 5

CC := clang
LD := ld.lld
NASM := nasm

WARNINGS := -Wall -Wextra -Werror -Wno-unused-parameter
KERNEL_CFLAGS := --target=x86_64-elf -std=gnu11 -ffreestanding -fno-stack-protector -fno-pic \
    -mno-red-zone -mcmodel=kernel -mgeneral-regs-only -fno-builtin -nostdlib \
    -fno-omit-frame-pointer -g $(WARNINGS) -I. -MMD -MP
ifeq ($(DEBUG),1)
KERNEL_CFLAGS += -Og -DKERNEL_DEBUG
else
KERNEL_CFLAGS += -O2
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
    mm/vm.c mm/spt.c mm/uninit.c mm/anon.c mm/file_page.c mm/frame.c mm/swap.c

PROC_SRCS := proc/thread.c proc/switch.asm proc/syscall_entry.asm proc/process.c proc/fd.c \
    proc/elf.c proc/load.c proc/syscall.c proc/usertrap.c

DRIVERS_SRCS := drivers/shutdown.c drivers/fw_cfg.c drivers/pci.c drivers/block.c drivers/mbr.c \
    drivers/ata.c drivers/ata_dma.c drivers/virtio_blk.c drivers/storage.c drivers/ramdisk.c

FS_SRCS := fs/bcache.c fs/ext2_super.c fs/ext2_alloc.c fs/ext2_inode.c fs/ext2_dir.c fs/file.c \
    fs/fsbench.c

TEST_SRCS := mm/kmalloc_test.c mm/pmm_test.c mm/paging_test.c \
    kernel/hash_test.c kernel/bitmap_test.c kernel/list_test.c kernel/printf_test.c \
    kernel/cmdline_test.c \
    proc/thread_test.c \
    drivers/block_test.c drivers/block_timeout_test.c \
    fs/ext2_test.c \
    mm/uaccess_test.c mm/vm_test.c

SRCS := $(BOOT_SRCS) $(KERNEL_SRCS) $(MM_SRCS) $(PROC_SRCS) $(DRIVERS_SRCS) $(FS_SRCS) $(TEST_SRCS)
OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(SRCS))

KERNEL := $(BUILD)/kernel.elf
ISO := $(BUILD)/os.iso

.PHONY: all kernel iso run check gdb clean deps help disk user bench
all: iso

help:
	@sed -n 's/^#   //p' Makefile

# Install missing host packages (Debian; needs root).
deps:
	@tools/install-deps.sh

$(BUILD)/obj/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/obj/%.asm.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) $< -o $@

# Two-pass link: the first link's text symbols become the .ksyms section of
# the second. .ksyms is the last section, so code addresses do not move.
$(BUILD)/ksyms0.asm: tools/gen-ksyms.sh
	@mkdir -p $(BUILD)
	tools/gen-ksyms.sh > $@

$(BUILD)/kernel0.elf: $(OBJS) $(BUILD)/ksyms0.o linker.ld
	$(LD) -nostdlib -static -T linker.ld -o $@ $(OBJS) $(BUILD)/ksyms0.o

$(BUILD)/ksyms.asm: $(BUILD)/kernel0.elf tools/gen-ksyms.sh
	tools/gen-ksyms.sh $< > $@

$(BUILD)/%.o: $(BUILD)/%.asm
	$(NASM) -f elf64 $< -o $@

$(KERNEL): $(OBJS) $(BUILD)/ksyms.o linker.ld
	$(LD) -nostdlib -static -T linker.ld -o $@ $(OBJS) $(BUILD)/ksyms.o
	@cmp -s <(nm $(BUILD)/kernel0.elf | grep -i ' t ') <(nm $@ | grep -i ' t ') || \
		{ echo "ksyms: text moved between link passes" >&2; rm -f $@; exit 1; }
	@grub-file --is-x86-multiboot2 $@ || { echo "$@: no Multiboot2 header" >&2; rm -f $@; exit 1; }

kernel: $(KERNEL)

$(ISO): $(KERNEL) iso/boot/grub/grub.cfg
	@rm -rf $(BUILD)/isodir && mkdir -p $(BUILD)/isodir/boot/grub
	cp iso/boot/grub/grub.cfg $(BUILD)/isodir/boot/grub/
	cp $(KERNEL) $(BUILD)/isodir/boot/kernel.elf
	grub-mkrescue -o $@ --install-modules="multiboot2 normal iso9660 biosdisk" \
		--locales= --fonts= --themes= $(BUILD)/isodir 2>$(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log >&2; exit 1; }

iso: $(ISO)

include user/user.mk

# The data disk: MBR, ext2 partition with every user program and data file
# in its root directory, swap partition. Sizes are parameters.
DISK := $(BUILD)/disk.img
FS_SIZE ?= 32M
SWAP_SIZE ?= 8M
FS_BLOCK ?= 1024
DISK_DRIVE_ide := -drive file=$(DISK),format=raw,if=ide,index=0
DISK_DRIVE_virtio := -drive file=$(DISK),format=raw,if=virtio

disk: $(DISK)

$(DISK): $(USER_DISK_FILES) $(USER_DATA_FILES) tools/mkdisk.sh
	rm -rf $(BUILD)/disk-root && mkdir -p $(BUILD)/disk-root
	cp $(USER_DISK_FILES) $(USER_DATA_FILES) $(BUILD)/disk-root/
	tools/mkdisk.sh $@ $(FS_SIZE) $(SWAP_SIZE) $(FS_BLOCK) $(BUILD)/disk-root

QEMU_BASE := qemu-system-x86_64 -accel tcg -cpu max -nodefaults -no-reboot -vga std \
    -serial mon:stdio -m $(MEM) -cdrom $(ISO) -boot d \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04
comma := ,
QEMU_CMDLINE := $(if $(CMDLINE),-fw_cfg name=opt/cmdline$(comma)string="$(CMDLINE)")

# Boot the kernel and run its default action (the shell), console on this
# terminal. DISK_IF=virtio attaches the disk as virtio-blk instead of IDE.
run: deps
	$(MAKE) --no-print-directory iso disk
	$(QEMU_BASE) -display none $(DISK_DRIVE_$(DISK_IF)) $(QEMU_CMDLINE) $(QEMU_EXTRA); \
		s=$$?; [ $$s -eq 33 ] || [ $$s -eq 0 ] || echo "QEMU exited with status $$s"

# Run every test (parallel, one QEMU per core).
check: deps
	$(MAKE) --no-print-directory iso user
	python3 tools/runtests.py --build $(BUILD) $(TESTS)

# QEMU halted with a GDB stub, GDB attached with symbols and tools/gdbinit.
gdb: deps
	$(MAKE) --no-print-directory iso disk
	MEM=$(MEM) DISK_IF=$(DISK_IF) tools/gdb.sh $(BUILD) "$(CMDLINE)"

# Benchmarks: a DEBUG=0 kernel and user programs in their own build
# directory (never mixed with the debug build), booted by tools/bench.sh:
# the VM figures (first touch, stack growth, swap, exec of a big bss), the
# system-call round trip and fork+exec+wait cycles, then file-system
# throughput on IDE and virtio.
BENCH_BUILD := build/bench
bench: deps
	$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) DEBUG=0 iso user
	tools/bench.sh $(BENCH_BUILD) $(BENCH_RUNS)

clean:
	rm -rf $(BUILD)


SHELL := /bin/bash
-include $(OBJS:.o=.d)
