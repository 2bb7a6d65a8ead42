#!/usr/bin/env python3
"""The compilation database (compile_commands.json) for clangd and other tools.

Every compile leaves a fragment: the Makefile passes clang `-MJ OBJ.json`,
which writes one JSON object per source followed by a comma; the host
harnesses, built by their scripts with whatever compiler they name, go
through `record`, which writes the same kind of fragment. `join` makes the
database from the fragments:

  compdb.py join OUT DIR...
      OUT gets the entries of the fragments (*.json) under each DIR, the
      DIRs in the order given: clangd uses the first entry of a file, so
      the build's own commands go first. Entries of sources that no longer
      exist are dropped. OUT is rewritten only when it changes (editors
      watch it); prints a GEN line then.
  compdb.py record FRAGMENT -- COMMAND...
      Writes FRAGMENT with one entry per C source in COMMAND, then runs
      COMMAND and exits with its status.
"""
import fcntl
import json
import os
import sys

SOURCE_SUFFIXES = (".c",)


def read_fragment(path):
    """The entries of a -MJ style fragment; [] if it is partly written (a
    compile still running: the next join picks it up)."""
    with open(path) as f:
        text = f.read().strip()
    if not text:
        return []
    try:
        return json.loads("[" + text.rstrip(",") + "]")
    except json.JSONDecodeError:
        print(f"compdb: {path}: not a complete fragment, skipped", file=sys.stderr)
        return []


def fragments(dirs):
    for top in dirs:
        found = []
        for parent, _, names in os.walk(top):
            found += [os.path.join(parent, n) for n in names if n.endswith(".json")]
        yield from sorted(found)


def entries_of(dirs):
    entries, seen = [], set()
    for path in fragments(dirs):
        for e in read_fragment(path):
            key = (e["directory"], e["file"], e.get("output"))
            if key not in seen and os.path.exists(os.path.join(e["directory"], e["file"])):
                seen.add(key)
                entries.append(e)
    return entries


def join(out, dirs):
    # Locked (on OUT's directory), so that two builds running at once cannot
    # leave the older view.
    lock = os.open(os.path.dirname(out) or ".", os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = json.dumps(entries_of(dirs), indent=1) + "\n"
        try:
            with open(out) as f:
                if f.read() == text:
                    return 0
        except FileNotFoundError:
            pass
        tmp = out + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, out)
    finally:
        os.close(lock)
    print(f"  {'GEN':<7} {out}")
    return 0


def record(fragment, command):
    directory = os.getcwd()
    output = None
    for i, arg in enumerate(command[:-1]):
        if arg == "-o":
            output = command[i + 1]
    with open(fragment, "w") as f:
        for arg in command[1:]:
            if arg.endswith(SOURCE_SUFFIXES) and not arg.startswith("-"):
                entry = {"directory": directory, "file": arg, "arguments": command}
                if output:
                    entry["output"] = output
                f.write(json.dumps(entry) + ",\n")
    os.execvp(command[0], command)


def main(argv):
    if len(argv) >= 2 and argv[0] == "join":
        return join(argv[1], argv[2:])
    if len(argv) >= 4 and argv[0] == "record" and argv[2] == "--":
        os.makedirs(os.path.dirname(argv[1]) or ".", exist_ok=True)
        return record(argv[1], argv[3:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
