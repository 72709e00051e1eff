#!/usr/bin/env python3
"""Regenerates the disassembler golden data in tests/data/dis/<X.Y>/ from the real
interpreters (~/.pyenv/versions/X.Y.Z).

Per installed version it writes, for each sample module NAME:
  NAME.pyc    the .pyc (a stdlib module's, or one compiled from tools/dis_features/)
  NAME.txt    what that version's dis prints for it (tools/dis_oracle.py "text" record)
  NAME.jsonl  the oracle's per-code-object records (instruction stream, co_lines,
              exception table), "file" keys removed

The sample: 50 stdlib modules (outside test/, idlelib/, site-packages/), chosen evenly
over the sorted list of modules whose .pyc is 1-2.5 KB so the data stays small, plus
every tools/dis_features/features_*.py that this version can compile (compiled here with
the relative source name, so the code objects' file names are stable), plus
handmade.pyc written by tools/dis_features/handmade.py (hand-assembled EXTENDED_ARG
corner cases).

tests/dis_golden.rs compares xpython with these files; it needs no Python.
Usage: tools/dis_golden.py [--versions 2.7,3.12] [--count 50]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from dis_sweep import installed, stdlib_pycs  # noqa: E402

FEATURES = os.path.join(HERE, "dis_features")
OUT = os.path.join(ROOT, "tests", "data", "dis")
SKIP_DIRS = ("test", "tests", "idlelib", "site-packages", "lib2to3")


def module_name(lib, path):
    rel = os.path.relpath(path, lib)
    parts = [p for p in rel.split(os.sep) if p != "__pycache__"]
    last = parts[-1].split(".")[0]
    return ".".join(parts[:-1] + [last])


def sample(xy, lib, count):
    cands = []
    for p in stdlib_pycs(xy, lib):
        rel = os.path.relpath(p, lib).split(os.sep)
        if any(d in SKIP_DIRS for d in rel[:-1]):
            continue
        if 1024 <= os.path.getsize(p) <= 2560:
            cands.append(p)
    if len(cands) <= count:
        return cands
    step = len(cands) / float(count)
    return [cands[int(i * step)] for i in range(count)]


def compile_features(exe, dest):
    made = []
    for f in sorted(os.listdir(FEATURES)):
        if not (f.startswith("features_") and f.endswith(".py")):
            continue
        target = os.path.join(dest, f[:-3] + ".pyc")
        code = ("import py_compile, sys; py_compile.compile(%r, cfile=%r, doraise=True)"
                % (f, target))
        r = subprocess.run([exe, "-c", code], cwd=FEATURES,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode == 0:
            made.append(target)
    target = os.path.join(dest, "handmade.pyc")
    subprocess.run([exe, "handmade.py", target], cwd=FEATURES, check=True)
    made.append(target)
    return made


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions")
    ap.add_argument("--count", type=int, default=50)
    args = ap.parse_args()
    want = set(args.versions.split(",")) if args.versions else None
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    for xy, exe, lib in installed():
        if want and xy not in want:
            continue
        dest = os.path.join(OUT, xy)
        if os.path.isdir(dest):
            shutil.rmtree(dest)
        os.makedirs(dest)
        pycs = []
        for p in sample(xy, lib, args.count):
            target = os.path.join(dest, module_name(lib, p) + ".pyc")
            shutil.copyfile(p, target)
            pycs.append(target)
        pycs += compile_features(exe, dest)
        names = [os.path.basename(p) for p in pycs]
        r = subprocess.run([exe, os.path.join(HERE, "dis_oracle.py")] + names, cwd=dest,
                           stdout=subprocess.PIPE, env=env, check=True)
        records = {}
        for line in r.stdout.decode("utf-8").splitlines():
            rec = json.loads(line)
            records.setdefault(rec.pop("file"), []).append(rec)
        size = 0
        for n in names:
            recs = records[n]
            if any(x["kind"] == "error" for x in recs):
                sys.exit("%s %s: oracle error %r" % (xy, n, recs))
            base = os.path.join(dest, n[:-4])
            with open(base + ".txt", "w", encoding="utf-8", newline="\n") as f:
                f.write(recs[0]["text"])
            with open(base + ".jsonl", "w", encoding="utf-8", newline="\n") as f:
                for rec in recs[1:]:
                    f.write(json.dumps(rec, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n")
            for ext in (".pyc", ".txt", ".jsonl"):
                size += os.path.getsize(base + ext)
        print("%-5s %3d modules, %6d KB" % (xy, len(names), size // 1024))


if __name__ == "__main__":
    main()
