#!/usr/bin/env python3
"""Record the golden outputs of the conformance corpus from the real CPythons.

For every test program tests/programs/NNN_topic.py and every installed CPython 3.6-3.13
(~/.pyenv/versions/3.X.*/bin/python; missing interpreters are skipped, and so are the
versions below the program's `# min-version: 3.X` header line), this writes under
tests/golden/NNN_topic/:

  <X.Y>.pyc     the program compiled by THAT interpreter (py_compile, dfile = the
                program's repo-relative path so tracebacks name it stably; the
                timestamp in the header is pinned so reruns give identical bytes)
  <X.Y>.out     stdout of `python <X.Y>.pyc` (PYTHONHASHSEED=0, cwd = repo root, stdin
                = tests/programs/NNN_topic.stdin when that file exists, else empty)
  <X.Y>.status  its exit status (decimal, newline)
  <X.Y>.err     the last non-empty line of stderr, only when the status is non-zero
  <X.Y>.stderr  the whole stderr, only for programs with a `# full-stderr: yes` header
                (tracebacks with their source lines and indicator lines)

tests/conformance.rs runs xpython on each .pyc and compares with the other files.
A program whose run needs a compiler (exec/eval/compile of source text, which xpython hands
to a real CPython of the same version) says so with a `# needs: compiler` header line; the
test skips such pairs, with a note, on a machine without that CPython. A program that
imports standard-library modules xpython takes from the real CPython's Lib directory (the
pure-Python stdlib, see README "Standard library") says `# needs: stdlib`; the test skips
those pairs, with a note, where xpython finds no stdlib of that version. Both may be
given: `# needs: compiler,stdlib`.

Checks (reported as PROBLEMs, exit status 1 when any):
  - the exit status equals the program's `# expect-exit: N` header (default 0), so a
    program that crashes by accident is never recorded as a golden;
  - stdout is the same under PYTHONHASHSEED=1, so no output depends on str hash order
    (except in a program with a `# hash-order: yes` header, which prints hash-table
    orders on purpose: recorded, and tested, with PYTHONHASHSEED=0);
  - a second run gives the same stdout (no timing, ids or addresses).

Usage: tools/gen_golden.py [--program NAME]... [--version X.Y]... [--jobs N]
Idempotent: files are only rewritten when their content changes. Without filters, golden
directories of programs that no longer exist (and versions below a min-version) are
removed. Runs with any Python 3.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
GOLDEN = os.path.join(ROOT, "tests", "golden")
VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
PINNED_MTIME = 1700000000
RUN_TIMEOUT = 120
KNOWN_NEEDS = ("compiler", "stdlib")

COMPILE_SCRIPT = r"""
import py_compile, sys
kw = {}
if sys.version_info >= (3, 7):
    kw['invalidation_mode'] = py_compile.PycInvalidationMode.TIMESTAMP
py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True, **kw)
"""


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def find_interpreters(root, versions=None):
    found = {}
    for v in versions or VERSIONS:
        cands = []
        for d in glob.glob(os.path.join(root, v + ".*")):
            m = re.match(r"^(\d+)\.(\d+)\.(\d+)$", os.path.basename(d))
            exe = os.path.join(d, "bin", "python")
            if m and "%s.%s" % m.group(1, 2) == v and os.path.exists(exe):
                cands.append((int(m.group(3)), exe))
        if cands:
            found[v] = max(cands)[1]
    return found


def headers(path):
    """The `# key: value` comment lines at the top of a program."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^#\s*([a-z-]+):\s*(\S+)\s*$", line)
            if not m:
                break
            out[m.group(1)] = m.group(2)
    return out


def env_for(seed):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = str(seed)
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    return env


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    with open(path, "wb") as f:
        f.write(data)
    return True


def last_line(data):
    """The last non-blank line (split on \n only, a trailing \r dropped), as the test does."""
    lines = [l.rstrip("\r") for l in data.decode("utf-8", "replace").split("\n")]
    lines = [l for l in lines if l.strip()]
    return lines[-1] if lines else ""


def run(python, pyc_rel, seed, stdin_path):
    """Run one .pyc; stdin is the program's NAME.stdin file when it has one, else empty."""
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    try:
        p = subprocess.run([python, pyc_rel], cwd=ROOT, env=env_for(seed), stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=RUN_TIMEOUT)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    return p.returncode, p.stdout, p.stderr


def generate(name, version, python):
    """Compile and run one pair. Returns (changed_files, problems)."""
    src_rel = os.path.relpath(os.path.join(PROGRAMS, name + ".py"), ROOT)
    outdir = os.path.join(GOLDEN, name)
    os.makedirs(outdir, exist_ok=True)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_pyc = os.path.join(tmp, "p.pyc")
        p = subprocess.run([python, "-c", COMPILE_SCRIPT, os.path.join(ROOT, src_rel),
                            tmp_pyc, src_rel], cwd=ROOT, env=env_for(0),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            return [], ["%s %s: does not compile: %s" % (name, version, last_line(p.stderr))]
        with open(tmp_pyc, "rb") as f:
            pyc = bytearray(f.read())
    # Pin the source mtime: offset 4 before 3.7, 8 after the PEP 552 flags word.
    off = 4 if vkey(version) < (3, 7) else 8
    pyc[off:off + 4] = PINNED_MTIME.to_bytes(4, "little")
    changed = []
    pyc_path = os.path.join(outdir, version + ".pyc")
    if write_if_changed(pyc_path, bytes(pyc)):
        changed.append(pyc_path)
    pyc_rel = os.path.relpath(pyc_path, ROOT)

    try:
        stdin_path = os.path.join(PROGRAMS, name + ".stdin")
        status, out, err = run(python, pyc_rel, 0, stdin_path)
        status2, out2, _ = run(python, pyc_rel, 0, stdin_path)
        status3, out3, _ = run(python, pyc_rel, 1, stdin_path)
    except subprocess.TimeoutExpired:
        return changed, ["%s %s: timed out" % (name, version)]
    hdrs = headers(os.path.join(ROOT, src_rel))
    for need in hdrs.get("needs", "").split(","):
        if need and need not in KNOWN_NEEDS:
            problems.append("%s: unknown `# needs: %s` (known: %s)"
                            % (name, need, ", ".join(KNOWN_NEEDS)))
    expect = int(hdrs.get("expect-exit", "0"))
    full_stderr = hdrs.get("full-stderr") == "yes"
    if status != expect:
        problems.append("%s %s: exit status %d, expected %d (%s)"
                        % (name, version, status, expect, last_line(err)))
    if (status2, out2) != (status, out):
        problems.append("%s %s: output differs between two runs" % (name, version))
    if (status3, out3) != (status, out) and hdrs.get("hash-order") != "yes":
        problems.append("%s %s: output depends on PYTHONHASHSEED" % (name, version))

    files = {
        ".out": out,
        ".status": ("%d\n" % status).encode(),
        ".err": (last_line(err) + "\n").encode("utf-8") if status != 0 else None,
        ".stderr": err if full_stderr else None,
    }
    for ext, data in files.items():
        path = os.path.join(outdir, version + ext)
        if data is None:
            if os.path.exists(path):
                os.remove(path)
                changed.append(path)
        elif write_if_changed(path, data):
            changed.append(path)
    return changed, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--program", action="append", default=[],
                    help="only this program (stem, e.g. 001_none; repeatable)")
    ap.add_argument("--version", action="append", default=[],
                    help="only this CPython version X.Y (repeatable)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--pyenv", default=os.path.expanduser("~/.pyenv/versions"))
    args = ap.parse_args()

    interps = find_interpreters(args.pyenv)
    for v in args.version:
        if v not in VERSIONS:
            ap.error("unknown version %s" % v)
    programs = sorted(os.path.splitext(os.path.basename(p))[0]
                      for p in glob.glob(os.path.join(PROGRAMS, "*.py")))
    for n in args.program:
        if n not in programs:
            ap.error("no program %s/%s.py" % (os.path.relpath(PROGRAMS, ROOT), n))
    selected = args.program or programs
    versions = [v for v in (args.version or VERSIONS) if v in interps]
    missing = [v for v in (args.version or VERSIONS) if v not in interps]
    if missing:
        print("skipping versions without an interpreter: %s" % " ".join(missing))

    jobs = []
    removed = []
    for name in selected:
        minv = headers(os.path.join(PROGRAMS, name + ".py")).get("min-version", VERSIONS[0])
        for v in VERSIONS:
            if vkey(v) < vkey(minv):
                for ext in (".pyc", ".out", ".status", ".err", ".stderr"):
                    path = os.path.join(GOLDEN, name, v + ext)
                    if os.path.exists(path):
                        os.remove(path)
                        removed.append(path)
        jobs += [(name, v) for v in versions if vkey(v) >= vkey(minv)]
    if not args.program and not args.version and os.path.isdir(GOLDEN):
        for d in sorted(os.listdir(GOLDEN)):
            if d not in programs:
                shutil.rmtree(os.path.join(GOLDEN, d))
                removed.append(os.path.join(GOLDEN, d))

    changed, problems = [], []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(generate, n, v, interps[v]) for n, v in jobs]
        for f in futs:
            c, p = f.result()
            changed += c
            problems += p
    for path in removed:
        print("removed %s" % os.path.relpath(path, ROOT))
    print("%d pairs, %d files changed, %d removed" % (len(jobs), len(changed), len(removed)))
    for p in problems:
        print("PROBLEM: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
