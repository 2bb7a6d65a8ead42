# GDB script of gdb-cow.test (see gdb-vm.gdb for the conventions): stop
# in cow-phys's child right after fork, while it shares the parent's pages.
hbreak kmain
continue
usersyms cow-phys
# a temporary breakpoint: when the first instruction there is interrupted
# (a fault or a tick during GDB's step over it), the CPU runs it again
# after iretq, and a kept breakpoint would stop there a second time
tbreak child
continue
spt
spt 1
frames
kill
