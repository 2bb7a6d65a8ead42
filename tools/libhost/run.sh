#!/bin/sh
# Build the kernel library (heap, hash, bitmap) and the descriptor tables
# with their in-kernel unit tests for the host, against the shims of this
# directory, with ASan and UBSan; run it in a release and a debug
# (KERNEL_DEBUG) configuration.
# Exits non-zero if a build or a test fails.   usage: tools/libhost/run.sh [SUITE]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${LIBHOST_OUT:-$ROOT/build/libhost}
CC=${CC:-clang}
CFLAGS="-std=gnu11 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer
 -fsanitize=address,undefined -fno-sanitize-recover=all -I$ROOT"
# Host linkers define __start_/__stop_ only for identifier-like sections.
KTEST_FLAGS='-DKTEST_SECTION="ktests"'

LIB="mm/kmalloc.c kernel/hash.c kernel/bitmap.c proc/fd.c"
TESTS="mm/kmalloc_test.c kernel/hash_test.c kernel/bitmap_test.c proc/fd_test.c"
SHIM="tools/libhost/pmm_shim.c tools/libhost/kernel_shim.c
 tools/libhost/ktest_host.c tools/libhost/death_test.c tools/libhost/fault_test.c
 tools/libhost/file_shim.c"

mkdir -p "$OUT"
status=0
for config in release debug; do
    defs=""
    [ "$config" = debug ] && defs="-DKERNEL_DEBUG"
    bin="$OUT/ktest_$config"
    (cd "$ROOT" && tools/compdb.py record "build/compdb/libhost-$config.json" -- \
        $CC $CFLAGS $defs "$KTEST_FLAGS" -o "$bin" $LIB $TESTS $SHIM)
    echo "== $config"
    if ! ASAN_OPTIONS=abort_on_error=0 "$bin" "$@"; then
        echo "libhost: $config FAILED"
        status=1
    fi
done
[ $status -eq 0 ] && echo "libhost: all passed"
exit $status
