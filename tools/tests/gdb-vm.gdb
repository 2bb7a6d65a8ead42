# GDB script of gdb-vm.test: tools/runtests.py runs it in batch mode after
# `target remote` (QEMU halted at reset) with $cinder_build set. Batch GDB
# abandons the script at the first failing command; the runner counts that
# as a failure.
#
# Into kmain first: `kthreads` before thread_init, and the user breakpoint
# below is set only once the kernel runs (QEMU's breakpoints match a virtual
# address in any mode, firmware included).
hbreak kmain
continue
kthreads
# page-linear's main (user symbols), then its 201st page fault: by then its
# 2 MiB bss has pushed well past the 64-frame cap, so pages are swapped out.
usersyms page-linear
# a temporary breakpoint: when the first instruction there is interrupted
# (a fault or a tick during GDB's step over it), the CPU runs it again
# after iretq, and a kept breakpoint would stop there a second time
tbreak main
continue
break vm_try_handle_fault
ignore $bpnum 200
continue
bt
kthreads
spt
frames
swapmap
# The same process by PID.
spt 1
kill
