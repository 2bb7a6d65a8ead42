#!/usr/bin/env python3
"""The test `compile-commands` of make check: the build's compile_commands.json.

It must exist at the repository root after a build; every tracked C source
of the kernel and of user space must have an entry whose first command (the
one clangd uses) is the freestanding x86_64-elf compile with the flags of
its layer; every entry must name a file that exists; and clangd, checking a
kernel and a user source against it, must report no error.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.path.join(ROOT, "compile_commands.json")
KERNEL_DIRS = ("boot", "kernel", "mm", "proc", "drivers", "fs")
# Flags the first entry of each source must carry, by layer.
KERNEL_FLAGS = ("--target=x86_64-elf", "-ffreestanding", "-mcmodel=kernel")
USER_FLAGS = ("--target=x86_64-elf", "-ffreestanding", "user/include")
CLANGD_FILES = ("kernel/main.c", "user/lib/printf.c")
CLANGD_TIMEOUT = 120


def tracked_sources(dirs):
    r = subprocess.run(["git", "ls-files", "--"] + [f"{d}/*.c" for d in dirs], cwd=ROOT,
                       capture_output=True, text=True, check=True)
    return r.stdout.split()


def first_entries(db):
    """The first entry of each file, by path relative to the root."""
    first = {}
    for e in db:
        path = os.path.relpath(os.path.join(e["directory"], e["file"]), ROOT)
        first.setdefault(path, e)
    return first


def check_entries(db):
    problems = []
    first = first_entries(db)
    for path in sorted(first):
        if not os.path.exists(os.path.join(ROOT, path)):
            problems.append(f"entry for a missing file: {path}")
    for dirs, flags in ((KERNEL_DIRS, KERNEL_FLAGS), (("user",), USER_FLAGS)):
        sources = tracked_sources(dirs)
        if not sources:
            problems.append(f"git ls-files found no sources in {' '.join(dirs)}")
        for src in sources:
            e = first.get(src)
            if e is None:
                problems.append(f"no entry: {src}")
                continue
            args = e.get("arguments") or e.get("command", "").split()
            missing = [f for f in flags if f not in args]
            if missing:
                problems.append(f"{src}: first entry lacks {' '.join(missing)}")
        print(f"compdb: {len(sources)} sources in {' '.join(dirs)}")
    return problems


def check_clangd(path):
    """clangd --check on PATH must load the root database and report 0 errors."""
    try:
        r = subprocess.run(["clangd", f"--check={path}"], cwd=ROOT, capture_output=True,
                           text=True, timeout=CLANGD_TIMEOUT)
    except FileNotFoundError:
        return ["no clangd (make deps installs it)"]
    except subprocess.TimeoutExpired:
        return [f"clangd --check={path}: TIMEOUT after {CLANGD_TIMEOUT} s"]
    out = r.stdout + r.stderr
    print(out)
    problems = []
    if f"Loaded compilation database from {DB}" not in out:
        problems.append(f"clangd --check={path}: did not load {DB}")
    m = re.search(r"All checks completed, (\d+) errors", out)
    if not m:
        problems.append(f"clangd --check={path}: no summary line (exit {r.returncode})")
    elif int(m.group(1)):
        errors = [l for l in out.split("\n") if re.match(r"E\[", l)]
        problems.append(f"clangd --check={path}: {m.group(1)} errors, first: "
                        + (errors[0] if errors else "?"))
    return problems


def main():
    try:
        with open(DB) as f:
            db = json.load(f)
    except FileNotFoundError:
        print(f"compdb: {DB} missing: the build writes it (make iso user)")
        return 1
    except json.JSONDecodeError as e:
        print(f"compdb: {DB}: not JSON: {e}")
        return 1
    print(f"compdb: {len(db)} entries")
    problems = check_entries(db)
    for path in CLANGD_FILES:
        problems += check_clangd(path)
    for p in problems:
        print("compdb: " + p)
    if problems:
        print(f"compdb: {len(problems)} problems, first: {problems[0]}")
        return 1
    print("compdb: all sources covered, clangd reports no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
