# GDB script of gdb-mmap.test (see gdb-vm.gdb for how it is run): stop
# mmap-big at its 301st page fault, while it writes its 2 MiB mapping
# under a 64-frame cap, and show its pages and its mapping.
hbreak kmain
continue
usersyms mmap-big
# a temporary breakpoint: when the first instruction there is interrupted
# (a fault or a tick during GDB's step over it), the CPU runs it again
# after iretq, and a kept breakpoint would stop there a second time
tbreak main
continue
break vm_try_handle_fault
ignore $bpnum 300
continue
spt
mappings
mappings 1
kill
