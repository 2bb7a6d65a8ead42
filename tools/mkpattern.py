#!/usr/bin/env python3
"""Write COUNT files r0, r1, ... of SIZE bytes into OUT_DIR (the staging
directory of a test disk's root, see `gen:` in tools/tests/README.md):
file rN holds test pattern N of user/tests/mapped.h (pattern_byte), which
user/tests/pcache-ra.c checks.

Usage: tools/mkpattern.py COUNT SIZE OUT_DIR
"""
import os
import sys


def pattern(size, seed):
    return bytes(((i * 7 + (i >> 9) + seed * 31 + 1) & 0xFF) for i in range(size))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().split("\n\n")[1])
    count, size, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    for n in range(count):
        with open(os.path.join(out, f"r{n}"), "wb") as f:
            f.write(pattern(size, n))


if __name__ == "__main__":
    main()
