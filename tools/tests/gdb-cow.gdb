# GDB script of gdb-cow.test (see gdb-vm.gdb for the conventions): stop
# in cow-phys's child right after fork, while it shares the parent's pages.
hbreak kmain
continue
usersyms cow-phys
break child
continue
spt
spt 1
frames
kill
