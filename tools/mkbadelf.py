#!/usr/bin/env python3
"""Derive a corpus of malformed and unusual executables from a good one.

Usage: tools/mkbadelf.py GOOD_ELF OUT_DIR

Writes into OUT_DIR one file per case (names at most 14 characters), each
a copy of GOOD_ELF (a user program of ABI.md: ELF64, x86-64, ET_EXEC,
PT_LOAD segments) with one thing changed:
- "be-...": one thing broken. The kernel must refuse to run every one of
  them: exec fails and the process exits with -1.
- "ok-...": unusual but valid under the ELF64 spec (gABI, "Program
  Header"): an empty PT_LOAD (p_memsz 0: maps nothing, its address and
  alignment are not checked), segment types the loader does not know
  (ignored), a segment whose file offset agrees with its address only
  modulo its own p_align (16, or 1: no constraint). Each must run as
  GOOD_ELF does.
user/tests/exec-bad-elfs.c runs them all; the spec exec-bad-elfs.test
attaches them with `gen:`. The output is a pure function of GOOD_ELF (no
randomness, no time stamps). Python 3 only, no extra packages.
"""
import os
import struct
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")
EHDR_FIELDS = ("ident type machine version entry phoff shoff flags ehsize phentsize "
               "phnum shentsize shnum shstrndx").split()
PHDR_FIELDS = "type flags offset vaddr paddr filesz memsz align".split()
PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE = 0, 1, 2, 3, 4
PT_GNU_STACK, PT_GNU_RELRO = 0x6474E551, 0x6474E552
PT_LOPROC = 0x70000000
PT_UNKNOWN = 0x12345678  # no defined meaning: must be ignored
PF_X, PF_W, PF_R = 1, 2, 4
PAGE = 4096
USER_TOP = 0x8004000000
USER_STACK = 0x47480000
STACK_PAGE = USER_STACK - PAGE
STACK_LIMIT = 1 << 20  # the stack may grow to 1 MiB below USER_STACK
NAME_MAX = 14


class Elf:
    """A parsed copy of an ELF file that can be changed and serialised."""

    def __init__(self, data):
        self.data = bytearray(data)
        self.eh = dict(zip(EHDR_FIELDS, EHDR.unpack_from(data, 0)))
        self.ph = [dict(zip(PHDR_FIELDS, PHDR.unpack_from(data, self.eh["phoff"] + i * PHDR.size)))
                   for i in range(self.eh["phnum"])]

    def loads(self):
        return [p for p in self.ph if p["type"] == PT_LOAD]

    def text(self):
        return next(p for p in self.loads() if p["flags"] & PF_X)

    def data_seg(self):
        return next(p for p in self.loads() if not p["flags"] & PF_X)

    def build(self):
        """The file bytes with the current headers written back in place."""
        out = bytearray(self.data)
        eh = dict(self.eh)
        out[0:EHDR.size] = EHDR.pack(*[eh[f] for f in EHDR_FIELDS])
        if self.ph_in_place():
            for i, p in enumerate(self.ph):
                off = self.eh["phoff"] + i * PHDR.size
                out[off:off + PHDR.size] = PHDR.pack(*[p[f] for f in PHDR_FIELDS])
        return bytes(out)

    def ph_in_place(self):
        end = self.eh["phoff"] + len(self.ph) * PHDR.size
        return self.eh["phoff"] < len(self.data) and end <= len(self.data)

    def append_phdrs(self, extra, blob=b""):
        """Move the program headers, plus EXTRA ones, to the end of the
        file (after BLOB, whose file offset the caller gets back)."""
        while len(self.data) % 8:
            self.data.append(0)
        blob_off = len(self.data)
        self.data += blob
        while len(self.data) % 8:
            self.data.append(0)
        self.eh["phoff"] = len(self.data)
        self.ph = self.ph + extra
        self.eh["phnum"] = len(self.ph)
        self.data += bytes(len(self.ph) * PHDR.size)
        return blob_off


def mod_of(good):
    """A function that applies FN to a copy of GOOD and returns the bytes."""
    def mod(fn):
        e = Elf(good)
        fn(e)
        return e.build()
    return mod


def move_text(skew, align):
    """A change that copies the text segment's file bytes to the end of the
    file at an offset that agrees with its address modulo 16 (plus SKEW)
    but not modulo the page size, and gives it p_align ALIGN."""
    def f(e):
        t = e.text()
        blob = bytes(e.data[t["offset"]:t["offset"] + t["filesz"]])
        off = len(e.data) + (-len(e.data)) % 16 + t["vaddr"] % 16
        if off % PAGE == t["vaddr"] % PAGE:
            off += 16
        off += skew
        e.data += bytes(off - len(e.data)) + blob
        t["offset"], t["align"] = off, align
    return f


def load(vaddr, offset=0, filesz=0, memsz=0, align=PAGE, type=PT_LOAD):
    """A program header (as Elf.ph holds them)."""
    return dict(type=type, flags=PF_R, offset=offset, vaddr=vaddr, paddr=vaddr, filesz=filesz,
                memsz=memsz, align=align)


def unusual(good):
    """Yield (name, bytes) for every valid but unusual file: each runs."""
    mod = mod_of(good)
    yield "ok-empty-load", mod(lambda e: e.append_phdrs([load(0)]))  # GNU ld PHDRS style
    yield "ok-empty-kern", mod(lambda e: e.append_phdrs([load(USER_TOP + 123, offset=5)]))
    yield "ok-unknown-pt", mod(lambda e: e.append_phdrs([
        load(0, filesz=8, memsz=8, type=PT_NOTE), load(0, type=PT_GNU_STACK, align=16),
        load(USER_TOP, filesz=1, memsz=1, type=PT_GNU_RELRO, align=1),
        load(STACK_PAGE, type=PT_LOPROC + 3, filesz=2**64 - 1, memsz=3),
        load(0, type=PT_UNKNOWN, offset=2**64 - 8, align=3)]))
    yield "ok-align16", mod(move_text(0, 16))
    yield "ok-align1", mod(move_text(8, 1))


def variants(good):
    """Yield (name, bytes) for every defect."""
    mod = mod_of(good)

    def ident(byte, value):
        def f(e):
            i = bytearray(e.eh["ident"])
            i[byte] = value
            e.eh["ident"] = bytes(i)
        return f

    def eh(field, value):
        def f(e):
            e.eh[field] = value(e) if callable(value) else value
        return f

    def seg(which, **changes):
        def f(e):
            p = getattr(e, which)()
            for k, v in changes.items():
                p[k] = v(p) if callable(v) else v
        return f

    size = len(good)
    yield "be-magic", mod(ident(1, ord("X")))
    yield "be-class32", mod(ident(4, 1))
    yield "be-bigendian", mod(ident(5, 2))
    yield "be-identver", mod(ident(6, 0))
    yield "be-machine", mod(eh("machine", 3))           # EM_386
    yield "be-dyn", mod(eh("type", 3))                  # ET_DYN
    yield "be-rel", mod(eh("type", 1))                  # ET_REL
    yield "be-version", mod(eh("version", 0))
    yield "be-phentsize", mod(eh("phentsize", 32))
    yield "be-phnum0", mod(eh("phnum", 0))
    yield "be-phnum-huge", mod(eh("phnum", 0xffff))
    yield "be-phnum-64", mod(eh("phnum", 64))           # table runs past the end
    yield "be-phoff-end", mod(eh("phoff", size + PAGE))
    yield "be-phoff-wrap", mod(eh("phoff", 2**64 - 8))
    yield "be-entry-out", mod(eh("entry", 0x10000000))  # in no segment
    yield "be-entry-data", mod(eh("entry", lambda e: e.data_seg()["vaddr"]))  # not executable
    yield "be-entry-kern", mod(eh("entry", USER_TOP + 0x1000))
    yield "be-entry-nc", mod(eh("entry", 0x8000000000000000))
    yield "be-filesz", mod(seg("text", memsz=lambda p: p["filesz"] - 1))
    yield "be-off-end", mod(seg("data_seg", offset=size + PAGE))
    yield "be-off-wrap", mod(seg("data_seg", offset=2**64 - PAGE))
    yield "be-filesz-big", mod(seg("data_seg", filesz=size, memsz=size))
    yield "be-kernel", mod(seg("data_seg", vaddr=USER_TOP, paddr=USER_TOP))
    yield "be-kernel-hi", mod(seg("data_seg", vaddr=0xffffffff80000000))
    yield "be-cross-top", mod(seg("data_seg", vaddr=USER_TOP - PAGE, memsz=2 * PAGE))
    yield "be-wrap", mod(seg("data_seg", vaddr=2**64 - PAGE, memsz=2 * PAGE))
    yield "be-memsz-wrap", mod(seg("data_seg", memsz=2**64 - PAGE))
    yield "be-page0", mod(seg("data_seg", vaddr=0, paddr=0))
    yield "be-misalign", mod(seg("data_seg", vaddr=lambda p: p["vaddr"] + 8))
    yield "be-stack", mod(seg("data_seg", vaddr=STACK_PAGE, paddr=STACK_PAGE))
    yield "be-overlap", mod(seg("data_seg", vaddr=lambda p: Elf(good).text()["vaddr"]))
    yield "be-overlap2", mod(seg("text", memsz=lambda p: Elf(good).data_seg()["vaddr"]
                                - p["vaddr"] + 1))
    yield "be-noload", mod(lambda e: [p.update(type=PT_NOTE) for p in e.loads()])
    yield "be-bss-stack", mod(seg("data_seg", memsz=lambda p: STACK_PAGE + PAGE - p["vaddr"]))
    yield "be-bss-stack2", mod(seg("data_seg", memsz=lambda p: USER_STACK - STACK_LIMIT + 1
                                   - p["vaddr"]))  # into the stack's growth area
    yield "be-align16", mod(move_text(8, 16))  # offset and address disagree modulo p_align
    yield "be-align3", mod(seg("data_seg", align=3))  # p_align not a power of 2
    yield "be-empty-fsz", mod(lambda e: e.append_phdrs([load(0, filesz=16)]))  # filesz > memsz 0

    def interp(e):
        path = b"/lib/ld.so\0"
        off = e.append_phdrs([dict(type=PT_INTERP, flags=PF_R, offset=0, vaddr=0, paddr=0,
                                   filesz=len(path), memsz=len(path), align=1)], path)
        e.ph[-1]["offset"] = off
    yield "be-interp", mod(interp)

    def dynamic(e):
        e.append_phdrs([dict(type=PT_DYNAMIC, flags=PF_R | PF_W, offset=0, vaddr=0, paddr=0,
                             filesz=0, memsz=0, align=8)])
    yield "be-dynamic", mod(dynamic)

    headers = Elf(good).eh["phoff"] + Elf(good).eh["phnum"] * PHDR.size
    yield "be-trunc-hdrs", good[:headers]
    text = Elf(good).text()
    yield "be-trunc-text", good[:text["offset"] + text["filesz"] - 1]
    yield "be-trunc-ehdr", good[:EHDR.size - 1]
    yield "be-empty", b""
    yield "be-text", b"#!/bin/sh\necho not an ELF file\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().split("\n")[2])
    with open(sys.argv[1], "rb") as f:
        good = f.read()
    os.makedirs(sys.argv[2], exist_ok=True)
    for name, data in list(variants(good)) + list(unusual(good)):
        assert len(name) <= NAME_MAX, name
        with open(os.path.join(sys.argv[2], name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
