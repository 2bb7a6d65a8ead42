#!/usr/bin/env python3
"""Test runner for `make check`.

Runs every test specification in tools/tests/*.test (format: see
tools/tests/README.md), one QEMU per core, each on its own freshly built
disk image, and judges the console transcript. Prints one line per test as it
finishes and a last line `N passed, N failed`; exits 1 if any test failed.
"""
import argparse
import concurrent.futures
import hashlib
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC_DIR = os.path.join(ROOT, "tools", "tests")
EXIT_OK = 33      # isa-debug-exit: (0x10 << 1) | 1, clean power-off
EXIT_PANIC = 35   # (0x11 << 1) | 1, kernel panic
EXIT_FAILURE = 37  # (0x12 << 1) | 1, bad command line or failed action
EXIT_CODES = {"ok": EXIT_OK, "panic": EXIT_PANIC, "failure": EXIT_FAILURE}
FS_OFFSET = 2048 * 512  # partition 1 starts at sector 2048 (tools/mkdisk.sh)
FORBIDDEN = ("PANIC", "FAIL", "TIMEOUT", "Leak audit")
DEFAULTS = {"mem": "128M", "disk": "ide", "disk-index": "0", "swap": "8M", "fs": "32M",
            "block": "1024", "cpu": "max", "timeout": "60", "exit": "ok", "fsck": "yes"}
REPEATABLE = ("extra", "gen", "prepare", "require", "match", "forbid", "host-cat", "stdin", "keys",
              "paste", "io-error")
CD_INDEX = 2  # QEMU's -cdrom: the secondary master (hdc)


class Spec:
    """A parsed NAME.test file."""

    def __init__(self, path):
        self.name = os.path.basename(path)[:-len(".test")]
        self.opts = dict(DEFAULTS)
        self.lists = {k: [] for k in REPEATABLE}
        self.expect = None  # list of alternatives, each a list of lines
        self.parse(path)

    def parse(self, path):
        with open(path) as f:
            lines = f.read().split("\n")
        for i, line in enumerate(lines):
            if line.strip() == "--- expect":
                self.expect = split_alternatives(lines[i + 1:])
                break
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise ValueError(f"{path}:{i + 1}: expected 'key: value'")
            key, value = key.strip(), value.strip()
            if key in REPEATABLE:
                self.lists[key].append(value)
            elif key in DEFAULTS or key in ("cmdline", "gdb", "gdb-script", "until", "host",
                                            "mke2fs", "programs", "paste-after", "qemu",
                                            "disk-opts"):
                self.opts[key] = value
            else:
                raise ValueError(f"{path}:{i + 1}: unknown key '{key}'")


def split_alternatives(lines):
    while lines and lines[-1] == "":
        lines = lines[:-1]
    alts, cur = [], []
    for line in lines:
        if line.strip() == "--- or":
            alts.append(cur)
            cur = []
        else:
            cur.append(line)
    alts.append(cur)
    return [[l for l in a] for a in alts]


def build_disk(spec, workdir, build):
    """Stage the user programs (unless `programs: no`) plus the spec's extra
    files; make the image."""
    root = os.path.join(workdir, "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    bindir = os.path.join(build, "user", "bin")
    if os.path.isdir(bindir):
        programs = spec.opts.get("programs")
        names = os.listdir(bindir) if programs is None else programs.split()
        for f in [n for n in names if n != "none"]:
            shutil.copy(os.path.join(bindir, f), root)
    for extra in spec.lists["extra"]:
        shutil.copy(os.path.join(ROOT, extra), root)
    for gen in spec.lists["gen"]:
        cmd = gen.replace("{build}", build) + " " + root
        subprocess.run(cmd, shell=True, cwd=ROOT, check=True, capture_output=True)
    disk = os.path.join(workdir, "disk.img")
    o = spec.opts
    subprocess.run([os.path.join(ROOT, "tools", "mkdisk.sh"), disk, o["fs"], o["swap"],
                    o["block"], root] + o.get("mke2fs", "").split(),
                   check=True, capture_output=True)
    for prep in spec.lists["prepare"]:
        cmd = prep + " " + shlex.quote(f"{disk}?offset={FS_OFFSET}")
        subprocess.run(cmd, shell=True, cwd=ROOT, check=True, capture_output=True)
    return disk


# QEMU key codes (HMP sendkey) of the characters `keys:` lines may hold.
KEY_NAMES = {" ": "spc", "-": "minus", "=": "equal", ".": "dot", ",": "comma", "/": "slash",
             "'": "apostrophe", ";": "semicolon", "\n": "ret", "\b": "backspace"}
SHIFTED = {"_": "minus", "+": "equal", ">": "dot", "<": "comma", "?": "slash", '"': "apostrophe",
           ":": "semicolon", "!": "1", "(": "9", ")": "0"}


def qcode(ch):
    """The sendkey argument that types CH on a US keyboard."""
    if ch.isalpha() and ch.isascii():
        return ("shift-" if ch.isupper() else "") + ch.lower()
    if ch.isdigit():
        return ch
    if ch in SHIFTED:
        return "shift-" + SHIFTED[ch]
    return KEY_NAMES[ch]


def monitor_path(spec, workdir):
    return os.path.join(workdir, "monitor.sock") if spec.lists["keys"] else None


def blkdebug_config(spec, disk):
    """Write QEMU's blkdebug rules for the spec's `io-error:` lines
    (`read|write ERRNO [SECTOR]`) next to DISK; returns the file's path."""
    path = disk + ".blkdebug"
    with open(path, "w") as f:
        for rule in spec.lists["io-error"]:
            words = rule.split()
            f.write(f'[inject-error]\nevent = "{words[0]}_aio"\niotype = "{words[0]}"\n'
                    f'errno = "{words[1]}"\n')
            if len(words) > 2:
                f.write(f'sector = "{resolve_sector(spec, disk, words[2])}"\n')
    return path


def resolve_sector(spec, disk, where):
    """A sector number, or `file:PATH[@N]`: the first sector of PATH's data
    block N (default 0) in the ext2 partition (debugfs bmap)."""
    if not where.startswith("file:"):
        return int(where)
    path, _, n = where[5:].partition("@")
    r = subprocess.run(["debugfs", "-R", f"bmap {path} {int(n or 0)}", f"{disk}?offset={FS_OFFSET}"],
                       capture_output=True, text=True, check=True)
    block = int(r.stdout.split()[0])
    return FS_OFFSET // 512 + block * int(spec.opts["block"]) // 512


def qemu_command(spec, iso, disk, gdb_port=None, monitor=None):
    o = spec.opts
    index = int(o["disk-index"])
    # The CD moves to the secondary slave when the disk takes its place.
    cd_index = CD_INDEX + 1 if o["disk"] == "ide" and index == CD_INDEX else CD_INDEX
    cmd = ["qemu-system-x86_64", "-accel", "tcg", "-cpu", o["cpu"], "-nodefaults",
           "-no-reboot", "-display", "none", "-serial", "stdio", "-m", o["mem"],
           "-drive", f"file={iso},media=cdrom,if=ide,index={cd_index}", "-boot", "d",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if disk and spec.lists["io-error"]:
        disk = "blkdebug:" + blkdebug_config(spec, disk) + ":" + disk
    opts = "," + o["disk-opts"] if o.get("disk-opts") else ""
    if o["disk"] == "virtio":
        cmd += ["-drive", f"file={disk},format=raw,if=virtio,werror=report,rerror=report{opts}"]
    elif o["disk"] == "ide":
        cmd += ["-drive",
                f"file={disk},format=raw,if=ide,index={index},werror=report,rerror=report{opts}"]
    if "cmdline" in o:
        cmd += ["-fw_cfg", "name=opt/cmdline,string=" + o["cmdline"].replace(",", ",,")]
    if gdb_port:
        cmd += ["-S", "-gdb", f"tcp:127.0.0.1:{gdb_port}"]
    if monitor:
        cmd += ["-monitor", f"unix:{monitor},server=on,wait=off"]
    return cmd + shlex.split(o.get("qemu", ""))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def feed_keys(p, lines, out, monitor):
    """Type each `keys:` line on the PS/2 keyboard (QEMU monitor sendkey)
    once the kernel has booted, then Enter."""
    if not wait_for_boot(p, out):
        return
    sock = socket.socket(socket.AF_UNIX)
    sock.connect(monitor)
    for line in lines:
        for ch in line.encode().decode("unicode_escape") + "\n":
            if p.poll() is not None:
                return
            sock.sendall(f"sendkey {qcode(ch)}\n".encode())
            time.sleep(0.05)
        time.sleep(0.5)
    sock.close()


def wait_for_boot(p, out):
    deadline = time.time() + 30
    while b"Boot complete." not in out and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    return p.poll() is None


def run_qemu(spec, cmd, log_path, monitor=None):
    """Run QEMU, feeding stdin lines; returns (exit status or None on
    timeout, output text, whether the `until` pattern ended the run)."""
    timeout = float(spec.opts["timeout"])
    until = spec.opts.get("until")
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = bytearray()
    hit = threading.Event()

    def reader():
        for chunk in iter(lambda: p.stdout.read1(4096), b""):
            out.extend(chunk)
            if until and until.encode() in out:
                hit.set()
                p.kill()
    t = threading.Thread(target=reader, daemon=True)
    t.start()
    if spec.lists["paste"]:
        threading.Thread(target=feed_paste, args=(p, spec, out), daemon=True).start()
    if spec.lists["stdin"]:
        feed_stdin(p, spec.lists["stdin"], out)
    if spec.lists["keys"]:
        feed_keys(p, spec.lists["keys"], out, monitor)
    try:
        status = p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        status = None
    t.join(5)
    text = out.decode("utf-8", "replace").replace("\r", "")
    with open(log_path, "w") as f:
        f.write(text)
    return status, text, hit.is_set()


def feed_stdin(p, lines, out):
    """Type each stdin line once the kernel has booted (slowly, as a user)."""
    if not wait_for_boot(p, out):
        return
    for line in lines:
        for ch in line.encode().decode("unicode_escape").encode() + b"\r":
            if p.poll() is not None:
                return
            try:
                p.stdin.write(bytes([ch]))
                p.stdin.flush()
            except BrokenPipeError:
                return
            time.sleep(0.01)
        time.sleep(0.5)


def feed_paste(p, spec, out):
    """Once the `paste-after:` text (default `Boot complete.`) is out, write
    every `paste:` line (each ended by CR, as a terminal sends Enter) to the
    serial console in one write, as a paste: the kernel must hold the UART
    off, not drop bytes, while its input buffer is full (QEMU then stops
    reading the pipe and this write waits)."""
    trigger = spec.opts.get("paste-after", "Boot complete.").encode()
    deadline = time.time() + float(spec.opts["timeout"])
    while trigger not in out and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    data = b"".join(l.encode().decode("unicode_escape").encode() + b"\r"
                    for l in spec.lists["paste"])
    try:
        p.stdin.write(data)
        p.stdin.flush()
    except (BrokenPipeError, ValueError):
        pass


def transcript(text):
    lines = text.split("\n")
    start = next((i for i, l in enumerate(lines) if l.startswith("Executing '")), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(lines)) if re.match(r"Timer: \d+ ticks$", lines[i])),
               len(lines))
    res = lines[start:end]
    while res and res[-1] == "":
        res.pop()
    return res


def host_checks(spec, disk):
    """e2fsck, clean state, and host-cat hashes of the ext2 partition."""
    img = f"{disk}?offset={FS_OFFSET}"
    problems = []
    if spec.opts["fsck"] == "yes":
        r = subprocess.run(["e2fsck", "-fn", img], capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"e2fsck exit {r.returncode}: {r.stdout.strip()[-300:]}")
        r = subprocess.run(["dumpe2fs", "-h", img], capture_output=True, text=True)
        if "Filesystem state:         clean" not in r.stdout:
            problems.append("file system not clean after power-off")
    for item in spec.lists["host-cat"]:
        path, digest = item.split()
        r = subprocess.run(["debugfs", "-R", f"cat {path}", img], capture_output=True)
        got = hashlib.sha256(r.stdout).hexdigest()
        if got != digest:
            problems.append(f"host-cat {path}: sha256 {got[:12]} != {digest[:12]}")
    return problems


def judge(spec, status, text, until_hit):
    problems = []
    want_panic = spec.opts["exit"] != "ok"
    if status is None and not until_hit:
        problems.append(f"TIMEOUT after {spec.opts['timeout']} s")
    elif not until_hit:
        want = EXIT_CODES[spec.opts["exit"]]
        if status != want:
            problems.append(f"QEMU exit status {status}, expected {want}")
    if not want_panic:
        for word in FORBIDDEN:
            if word in text:
                line = next(l for l in text.split("\n") if word in l)
                problems.append(f"output contains {word!r}: {line.strip()[:100]}")
    lines = set(text.split("\n"))
    for req in spec.lists["require"]:
        if req not in lines:
            problems.append(f"missing line: {req}")
    for pattern in spec.lists["match"]:
        if not re.search(pattern, text, re.M):
            problems.append(f"no line matches: {pattern}")
    for bad in spec.lists["forbid"]:
        if bad in text:
            problems.append(f"forbidden text present: {bad}")
    if spec.expect is not None:
        got = transcript(text)
        if got not in spec.expect:
            problems.append("transcript differs from expected:\n" + diff(spec.expect[0], got))
    return problems


def diff(want, got):
    import difflib
    d = difflib.unified_diff(want, got, "expected", "actual", lineterm="", n=2)
    return "\n".join("    " + l for l in list(d)[:40])


def iso_of(cmd):
    """The ISO file that qemu_command's CMD boots."""
    drive = next(a for a in cmd if a.startswith("file=") and "media=cdrom" in a)
    return drive.split(",")[0][len("file="):]


def run_gdb_test(spec, cmd, workdir):
    """QEMU halted with a GDB stub; gdb in batch mode either stops in kmain
    and prints the backtrace (`gdb: yes`) or runs the spec's `gdb-script:`
    ($cinder_build set as by tools/gdb.sh). Returns gdb's output, and the
    console output (QEMU's serial port) separately."""
    port = int(cmd[cmd.index("-gdb") + 1].rsplit(":", 1)[1])
    build = os.path.dirname(os.path.abspath(iso_of(cmd)))
    console = os.path.join(workdir, "console.log")
    script = spec.opts.get("gdb-script")
    if script:
        steps = ["-ex", f'set $cinder_build = "{os.path.abspath(build)}"',
                 "-ex", f"target remote 127.0.0.1:{port}", "-x", os.path.join(ROOT, script)]
    else:
        steps = ["-ex", f"target remote 127.0.0.1:{port}", "-ex", "hbreak kmain",
                 "-ex", "continue", "-ex", "bt"]
    with open(console, "wb") as out:
        q = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out,
                             stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        g = subprocess.run(
            ["gdb", "-q", "-batch", "-nx", "-x", os.path.join(ROOT, "tools", "gdbinit"),
             os.path.join(build, "kernel.elf")] + steps,
            capture_output=True, text=True, timeout=float(spec.opts["timeout"]))
        text = g.stdout + g.stderr
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        text = (out if isinstance(out, str) else out.decode("utf-8", "replace")) + \
            f"\nTIMEOUT after {e.timeout} s\n"
    finally:
        q.kill()
        q.wait()
    with open(console, "rb") as f:
        return text, f.read().decode("utf-8", "replace").replace("\r", "")


def judge_gdb_script(spec, text):
    """A `gdb-script:` run: gdb's output must hold every `require:` line
    (exact) and `match:` pattern, no `forbid:` text, and no sign that the
    script stopped early (batch gdb abandons a script at its first error)."""
    problems = []
    if "TIMEOUT after" in text:
        problems.append(f"TIMEOUT after {spec.opts['timeout']} s")
    for sign in ("Error in sourced command file", "Python Exception", "Error occurred in Python"):
        if sign in text:
            line = next(l for l in text.split("\n") if sign in l)
            problems.append(f"gdb error: {line.strip()[:100]}")
    lines = set(text.split("\n"))
    problems += [f"missing line: {r}" for r in spec.lists["require"] if r not in lines]
    problems += [f"no line matches: {m}" for m in spec.lists["match"]
                 if not re.search(m, text, re.M)]
    problems += [f"forbidden text present: {b}" for b in spec.lists["forbid"] if b in text]
    return problems


def run_test(spec, args):
    workdir = os.path.join(args.build, "tests", spec.name)
    os.makedirs(workdir, exist_ok=True)
    log = os.path.join(args.build, "tests", spec.name + ".log")
    start = time.time()
    disk = None
    try:
        if "host" in spec.opts:
            return finish(spec, args, start, run_host_test(spec, log), None)
        disk = build_disk(spec, workdir, args.build) if spec.opts["disk"] != "none" else None
        iso = os.path.join(args.build, "os.iso")
        if "gdb-script" in spec.opts:
            text, console = run_gdb_test(spec, qemu_command(spec, iso, disk, free_port()),
                                         workdir)
            with open(log, "w") as f:
                f.write(text + "\n--- console (not judged)\n" + console)
            problems = judge_gdb_script(spec, text)
        elif spec.opts.get("gdb") == "yes":
            text, _ = run_gdb_test(spec, qemu_command(spec, iso, disk, free_port()), workdir)
            with open(log, "w") as f:
                f.write(text)
            problems = [] if re.search(r"^#0\s+kmain", text, re.M) else ["gdb did not stop in kmain"]
            if re.search(r"^#1", text, re.M):
                problems.append("the backtrace does not end cleanly at kmain")
            problems += [f"missing line: {r}" for r in spec.lists["require"] if r not in text]
        else:
            monitor = monitor_path(spec, workdir)
            status, text, hit = run_qemu(spec, qemu_command(spec, iso, disk, monitor=monitor),
                                         log, monitor)
            problems = judge(spec, status, text, hit)
            if not problems and disk and status == EXIT_OK:
                problems = host_checks(spec, disk)
    except Exception as e:  # a broken spec or tool is a failed test, not a crash
        problems = [f"runner error: {e}"]
    return finish(spec, args, start, problems, disk)


def run_host_test(spec, log):
    """A host-side harness (e.g. tools/fshost/run.sh): passes on exit 0."""
    try:
        r = subprocess.run(spec.opts["host"], shell=True, cwd=ROOT, capture_output=True,
                           text=True, timeout=float(spec.opts["timeout"]))
    except subprocess.TimeoutExpired:
        return [f"TIMEOUT after {spec.opts['timeout']} s"]
    with open(log, "w") as f:
        f.write(r.stdout + r.stderr)
    if r.returncode != 0:
        tail = (r.stdout + r.stderr).strip().split("\n")[-3:]
        return [f"exit status {r.returncode}"] + tail
    return [f"missing line: {req}" for req in spec.lists["require"] if req not in r.stdout]


def finish(spec, args, start, problems, disk):
    """Record the result of SPEC; clean up the work directory of a pass."""
    workdir = os.path.join(args.build, "tests", spec.name)
    elapsed = time.time() - start
    with open(os.path.join(args.build, "tests", spec.name + ".result"), "w") as f:
        f.write("PASS\n" if not problems else "FAIL\n" + "\n".join(problems) + "\n")
    if not problems and disk and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return spec.name, problems, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", action="store_true", help="keep disk images of passing tests")
    ap.add_argument("tests", nargs="*", help="test names (default: all)")
    args = ap.parse_args()
    names = args.tests or sorted(f[:-5] for f in os.listdir(SPEC_DIR) if f.endswith(".test"))
    specs = []
    for n in names:
        try:
            specs.append(Spec(os.path.join(SPEC_DIR, n + ".test")))
        except (OSError, ValueError) as e:
            print(f"FAIL {n}: bad spec: {e}", flush=True)
            specs.append(None)
    bad_specs = specs.count(None)
    specs = [s for s in specs if s]
    # Longest tests first so the slow ones do not finish the run alone.
    specs.sort(key=lambda s: -float(s.opts["timeout"]))
    passed, failed = 0, bad_specs
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_test, s, args) for s in specs]
        for fut in concurrent.futures.as_completed(futures):
            name, problems, elapsed = fut.result()
            if problems:
                failed += 1
                print(f"FAIL {name} ({elapsed:.1f}s)", flush=True)
                for p in problems:
                    print("    " + p, flush=True)
            else:
                passed += 1
                print(f"pass {name} ({elapsed:.1f}s)", flush=True)
    print(f"suite time {time.time() - t0:.1f}s, logs in {os.path.join(args.build, 'tests')}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
