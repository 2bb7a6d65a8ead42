#!/usr/bin/env python3
"""Write a tree of test files and its manifest into a directory.

Usage: tools/mktree.py [--big BYTES] OUT_DIR

Writes into OUT_DIR (the staging directory of a test disk's root, see
`gen:` in tools/tests/README.md) a file `big` of BYTES bytes (default
4 MiB), files of sizes around block boundaries and past the direct blocks
of ext2, in nested directories, and `MANIFEST`: one line per file,
`/PATH SIZE FNV1A32` (hash in hex), which user/tests/fs-rewrite.c checks.
The contents are a pure function of each file's path (no time stamps, no
system randomness). Names are at most 14 characters (ABI.md). Python 3
only, no extra packages.
"""
import os
import random
import sys

DEFAULT_BIG = 4 * 1024 * 1024
# (path, size): empty, one byte, both sides of 1 KiB and 4 KiB blocks,
# past the 12 direct blocks, past the single-indirect range of 1 KiB blocks.
FILES = [
    ("t/empty", 0), ("t/one", 1), ("t/b1023", 1023), ("t/b1024", 1024), ("t/b1025", 1025),
    ("t/b4095", 4095), ("t/b4097", 4097), ("t/u/ind", 12 * 1024 + 1),
    ("t/u/v/dind", 300000), ("t/u/v/w/mid", 70000),
]
FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193


def fnv1a32(data):
    h = FNV_OFFSET
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def contents(path, size):
    return random.Random(path).randbytes(size)


def main():
    args = sys.argv[1:]
    big = DEFAULT_BIG
    if len(args) == 3 and args[0] == "--big":
        big, args = int(args[1]), args[2:]
    if len(args) != 1:
        sys.exit(__doc__.strip().split("\n\n")[1])
    out = args[0]
    lines = []
    for path, size in [("big", big)] + FILES:
        data = contents(path, size)
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        lines.append(f"/{path} {size} {fnv1a32(data):08x}\n")
    with open(os.path.join(out, "MANIFEST"), "w") as f:
        f.writelines(lines)


if __name__ == "__main__":
    main()
