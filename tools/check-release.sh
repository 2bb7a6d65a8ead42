#!/bin/sh
# check-release.sh: the test `release-build` of make check. The optimized
# kernel (DEBUG=0: -O2 and link-time optimization, what `make bench`
# measures, and what the debug build of the rest of the suite is not)
# builds in build/release and passes the suite's hardest VM tests: fork
# trees sharing pages through swap, the VM and mmap fuzzers, concurrent
# mapped sorts, out-of-memory rounds. Exits 1 if the build or a test fails.
set -u
cd "$(dirname "$0")/.."
BUILD=build/release
TESTS="cow-tree-swap cow-oom vm-fuzz vm-fuzz-swap-full mmap-fuzz-2 page-merge-mm multi-oom ktest-frame"
mkdir -p build
# a make of its own: not the jobs of a make check that may be running this
if ! env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory BUILD=$BUILD DEBUG=0 COMPDB= \
    iso user >build/release-build.log 2>&1; then
    cat build/release-build.log
    echo "release-build: the DEBUG=0 build failed"
    exit 1
fi
if ! python3 tools/runtests.py --build $BUILD --jobs 1 $TESTS; then
    echo "release-build: a test failed on the DEBUG=0 build (logs in $BUILD/tests)"
    exit 1
fi
echo "release-build: DEBUG=0 build passes $(echo $TESTS | wc -w) tests"
