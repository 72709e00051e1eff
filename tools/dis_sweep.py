#!/usr/bin/env python3
"""Sweep: xpython's disassembly of every stdlib .pyc against the real interpreters' dis.

For each installed CPython (~/.pyenv/versions/X.Y.Z), takes every compiled stdlib module
(3.x: lib/pythonX.Y/**/__pycache__/*.cpython-XY.pyc; 2.7: *.pyc beside the sources;
site-packages excluded), runs tools/dis_oracle.py under that interpreter and
`xpython dis --format jsonl` on the same files, many files per process, and compares per
file the dis text and every code object's record (instruction stream, line starts, jump
targets, positions, co_lines, exception table).

Normalisations, applied to both sides (and nothing else):
  - code object addresses: `at 0x...` becomes `at 0x?` (xpython prints stand-ins);
  - frozenset reprs: elements sorted, since a rebuilt set iterates in the loading
    interpreter's hash order (randomised for strings) while the .pyc stores the
    compiling interpreter's order. The oracle runs with PYTHONHASHSEED=0.

Prints per version: modules checked / matching, and the first mismatches.

Usage: tools/dis_sweep.py [--versions 3.11,3.12] [--limit N] [--show N] [--jobs N]
                          [--xpython target/release/xpython] [--batch N] [--extra]
(--extra adds the -O/-OO .pyc files and site-packages: more bytecode, not stdlib.)
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PYENV = os.path.expanduser("~/.pyenv/versions")


def installed():
    """(X.Y, interpreter path, stdlib dir) of every installed CPython, oldest first."""
    out = []
    for d in sorted(glob.glob(os.path.join(PYENV, "*"))):
        m = re.match(r"^(\d+)\.(\d+)\.\d+$", os.path.basename(d))
        if not m:
            continue
        xy = "%s.%s" % m.groups()
        lib = os.path.join(d, "lib", "python" + xy)
        exe = os.path.join(d, "bin", "python")
        if os.path.isdir(lib) and os.path.exists(exe):
            out.append((xy, exe, lib))
    out.sort(key=lambda t: tuple(int(p) for p in t[0].split(".")))
    return out


def stdlib_pycs(xy, lib, extra=False):
    """The stdlib's .pyc files; with `extra`, also -O/-OO ones (opt-1, opt-2; 2.7 .pyo)
    and site-packages."""
    files = []
    tag = "cpython-" + xy.replace(".", "")
    for dirpath, dirnames, filenames in os.walk(lib):
        if "site-packages" in dirpath.split(os.sep) and not extra:
            continue
        for f in filenames:
            if xy.startswith("2."):
                if f.endswith(".pyc") or (extra and f.endswith(".pyo")):
                    files.append(os.path.join(dirpath, f))
            elif os.path.basename(dirpath) == "__pycache__" and (
                    f.endswith("." + tag + ".pyc")
                    or (extra and re.search(r"\." + tag + r"\.opt-[12]\.pyc$", f))):
                files.append(os.path.join(dirpath, f))
    files.sort()
    return files


ADDR = re.compile(r" at 0x[0-9a-fA-F]+")


def split_top(s):
    """Top-level comma-separated items of a repr list body."""
    items, depth, cur, i, quote = [], 0, [], 0, None
    while i < len(s):
        c = s[i]
        if quote:
            cur.append(c)
            if c == "\\":
                cur.append(s[i + 1])
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            cur.append(c)
        elif c in "([{":
            depth += 1
            cur.append(c)
        elif c in ")]}":
            depth -= 1
            cur.append(c)
        elif c == "," and depth == 0:
            items.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if "".join(cur).strip():
        items.append("".join(cur).strip())
    return items


def matching(s, start):
    """Index of the bracket closing the one at `start`, skipping quoted text."""
    depth, i, quote = 0, start, None
    while i < len(s):
        c = s[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def norm_sets(s):
    out, i = [], 0
    while True:
        j = s.find("frozenset(", i)
        if j < 0:
            out.append(s[i:])
            return "".join(out)
        k = j + len("frozenset(")
        if k < len(s) and s[k] in "{[":
            end = matching(s, k)
            if end > 0:
                body = norm_sets(s[k + 1:end])
                items = sorted(split_top(body))
                out.append(s[i:k + 1] + ", ".join(items))
                i = end
                continue
        out.append(s[i:k])
        i = k


def norm(s):
    if not isinstance(s, str):
        return s
    return norm_sets(ADDR.sub(" at 0x?", s))


def norm_record(r):
    r = dict(r)
    if "text" in r:
        r["text"] = norm(r["text"])
    if "instrs" in r:
        r["instrs"] = [[norm(x) for x in ins] for ins in r["instrs"]]
    return r


def run_jsonl(cmd, env=None):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    by_file = {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError:
            continue
        by_file.setdefault(r.get("file"), []).append(norm_record(r))
    return by_file


def first_difference(want, got):
    """A short description of where two record lists first differ."""
    if len(want) != len(got):
        kinds = lambda rs: [r.get("kind") for r in rs]
        if any(r.get("kind") == "error" for r in got):
            return "xpython error: " + [r for r in got if r.get("kind") == "error"][0]["error"]
        if any(r.get("kind") == "error" for r in want):
            return "oracle error: " + [r for r in want if r.get("kind") == "error"][0]["error"]
        return "record count %d != %d (%s vs %s)" % (len(want), len(got), kinds(want)[:3], kinds(got)[:3])
    for w, g in zip(want, got):
        if w == g:
            continue
        if w.get("kind") == "text":
            wl, gl = w["text"].split("\n"), g.get("text", "").split("\n")
            for n, (a, b) in enumerate(zip(wl, gl)):
                if a != b:
                    return "text line %d:\n      dis:     %r\n      xpython: %r" % (n + 1, a, b)
            return "text length %d != %d lines" % (len(wl), len(gl))
        where = "code %s (line %s)" % (w.get("name"), w.get("firstlineno"))
        for key in sorted(set(w) | set(g)):
            if key == "instrs" and w.get(key) != g.get(key):
                for a, b in zip(w["instrs"], g.get("instrs", [])):
                    if a != b:
                        return "%s instr:\n      dis:     %r\n      xpython: %r" % (where, a, b)
                return "%s: %d != %d instructions" % (where, len(w["instrs"]), len(g.get("instrs", [])))
            if w.get(key) != g.get(key):
                return "%s %s:\n      dis:     %r\n      xpython: %r" % (
                    where, key, str(w.get(key))[:300], str(g.get(key))[:300])
    return "?"


def sweep_version(xy, exe, lib, args):
    files = stdlib_pycs(xy, lib, args.extra)
    if args.limit:
        files = files[: args.limit]
    batches = [files[i:i + args.batch] for i in range(0, len(files), args.batch)]
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")

    def one(batch):
        oracle = run_jsonl([exe, os.path.join(HERE, "dis_oracle.py")] + batch, env)
        ours = run_jsonl([args.xpython, "dis", "--format", "jsonl"] + batch)
        res = []
        for f in batch:
            w, g = oracle.get(f, []), ours.get(f, [])
            if any(r.get("kind") == "error" for r in w):
                res.append((f, "skip", first_difference(w, g)))
            elif w == g:
                res.append((f, "ok", None))
            else:
                res.append((f, "bad", first_difference(w, g)))
        return res

    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = [r for rs in ex.map(one, batches) for r in rs]
    ok = sum(1 for r in results if r[1] == "ok")
    skipped = [r for r in results if r[1] == "skip"]
    bad = [r for r in results if r[1] == "bad"]
    checked = len(results) - len(skipped)
    print("%-5s modules checked %5d, matching %5d, mismatching %4d%s" % (
        xy, checked, ok, len(bad),
        (", oracle could not load %d" % len(skipped)) if skipped else ""))
    for f, _, why in bad[: args.show]:
        print("   MISMATCH %s\n      %s" % (os.path.relpath(f, lib), why))
    for f, _, why in skipped[: args.show]:
        print("   SKIPPED %s: %s" % (os.path.relpath(f, lib), why))
    sys.stdout.flush()
    return checked, ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--versions", help="comma-separated X.Y list (default: all installed)")
    ap.add_argument("--limit", type=int, default=0, help="files per version (0 = all)")
    ap.add_argument("--show", type=int, default=5, help="mismatches to show per version")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--batch", type=int, default=150)
    ap.add_argument("--extra", action="store_true",
                    help="also -O/-OO .pyc files and site-packages (beyond the stdlib)")
    ap.add_argument("--xpython", default=os.path.join(ROOT, "target", "release", "xpython"))
    args = ap.parse_args()
    if not os.path.exists(args.xpython):
        sys.exit("no xpython binary at %s (run cargo build --release)" % args.xpython)
    want = set(args.versions.split(",")) if args.versions else None
    total_checked = total_ok = 0
    for xy, exe, lib in installed():
        if want and xy not in want:
            continue
        c, o = sweep_version(xy, exe, lib, args)
        total_checked += c
        total_ok += o
    print("all   modules checked %5d, matching %5d" % (total_checked, total_ok))
    return 0 if total_checked == total_ok else 1


if __name__ == "__main__":
    sys.exit(main())
