# GDB script of gdb-pcache.test (see gdb-vm.gdb for how it is run): stop
# pcache-rw when the page cache writes its 40th dirty page back to its
# file (evicted under a 64-frame cap), and show the cached pages.
hbreak kmain
continue
break fs_write_back_page
ignore $bpnum 39
continue
pcache
frames
kill
