#!/usr/bin/env python3
"""Compile the multi-module import test programs and record what real CPythons do with them.

Sources: tests/imports/src/ (a package `pkg`, modules for `import *`, circular and failing
imports, and the `main_*.py` programs that exercise them). For every installed CPython
3.6-3.13 this writes tests/imports/<X.Y>/:

  every source compiled by that interpreter to a sourceless `.pyc` at the same relative
  path (pkg/__init__.pyc, pkg/sub.pyc, main_imports.pyc, ...) -- the legacy layout CPython
  imports without sources, so CPython and xpython see the same files;
  <main>.out / <main>.status / <main>.err   stdout, exit status and the last non-blank line
  of stderr (only when the status is non-zero) of `python tests/imports/<X.Y>/<main>.pyc
  ARGS` run from the repository root with PYTHONHASHSEED=0 and STDIN as standard input;
  <main>.stderr   the whole stderr, for programs listed in FULL_STDERR.

The same for Python 2 from tests/imports/src2/ (a package `rel2` whose modules import
their siblings implicitly relative), compiled and run by CPython 2.7 into
tests/imports/2.7/.

It also writes tests/imports/cross/: cross_main.pyc compiled by 3.11 and other_version.pyc
compiled by 3.8 (the ImportError for a module of another version is xpython's own, so that
case is checked against a fixed text in tests/imports.rs, not against CPython); and
tests/imports/deep/: deep_main.pyc and chain_link.pyc (3.11), which the test copies as
chain0, chain1, ... to check that unbounded import recursion is a RecursionError.

tests/imports.rs runs xpython on each main and compares. Timestamps in the headers are
pinned, so reruns give identical bytes. Usage: tools/gen_import_fixtures.py [--version X.Y]...
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_golden import (COMPILE_SCRIPT, PINNED_MTIME, ROOT, VERSIONS, env_for,  # noqa: E402
                        find_interpreters, last_line, vkey, write_if_changed)

SRC = os.path.join(ROOT, "tests", "imports", "src")
SRC2 = os.path.join(ROOT, "tests", "imports", "src2")
OUT = os.path.join(ROOT, "tests", "imports")
# The argument lists each main program runs with.
ARGS = {"main_sys": ["alpha", "--beta", "3"]}
FULL_STDERR = {"main_sys"}
# Standard input of the main programs that read it (the others read an empty stdin).
STDIN = {"main_stdin": b"first line\nsecond line\n3 4\nlast\n"}
CROSS = {"cross_main.py": ("3.11", "cross/cross_main.pyc"),
         "cross_other.py": ("3.8", "cross/other_version.pyc"),
         "deep_main.py": ("3.11", "deep/deep_main.pyc"),
         "deep_chain_link.py": ("3.11", "deep/chain_link.pyc")}


def source_dir(version):
    return SRC2 if version.startswith("2.") else SRC


def compile_one(python, version, src, dst):
    rel = os.path.relpath(src, source_dir(version))
    tmp = dst + ".tmp"
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    p = subprocess.run([python, "-c", COMPILE_SCRIPT, src, tmp, rel], cwd=ROOT,
                       env=env_for(0), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise SystemExit("%s %s: does not compile: %s" % (rel, version, last_line(p.stderr)))
    with open(tmp, "rb") as f:
        pyc = bytearray(f.read())
    os.remove(tmp)
    off = 4 if vkey(version) < (3, 7) else 8
    pyc[off:off + 4] = PINNED_MTIME.to_bytes(4, "little")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    write_if_changed(dst, bytes(pyc))


def sources(src_dir):
    for d, _, files in os.walk(src_dir):
        for f in sorted(files):
            if f.endswith(".py") and not f.startswith(("cross_", "deep_")):
                yield os.path.join(d, f)


def generate(version, python):
    vdir = os.path.join(OUT, version)
    if os.path.isdir(vdir):
        shutil.rmtree(vdir)
    src_dir = source_dir(version)
    for src in sources(src_dir):
        rel = os.path.relpath(src, src_dir)
        compile_one(python, version, src, os.path.join(vdir, rel[:-3] + ".pyc"))
    mains = [f for f in os.listdir(src_dir) if f.startswith("main_") and f.endswith(".py")]
    for main in sorted(mains):
        stem = main[:-3]
        pyc_rel = os.path.relpath(os.path.join(vdir, stem + ".pyc"), ROOT)
        p = subprocess.run([python, pyc_rel] + ARGS.get(stem, []), cwd=ROOT, env=env_for(0),
                           input=STDIN.get(stem, b""), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
        base = os.path.join(vdir, stem)
        write_if_changed(base + ".out", p.stdout)
        write_if_changed(base + ".status", b"%d\n" % p.returncode)
        if p.returncode != 0:
            write_if_changed(base + ".err", (last_line(p.stderr) + "\n").encode())
        if stem in FULL_STDERR:
            write_if_changed(base + ".stderr", p.stderr)
        print("%s %s: status %d" % (version, stem, p.returncode))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", action="append")
    args = ap.parse_args()
    all_versions = ["2.7"] + VERSIONS
    pythons = find_interpreters(os.path.expanduser(
        os.path.join(os.environ.get("PYENV_ROOT", "~/.pyenv"), "versions")), all_versions)
    for v in all_versions:
        if args.version and v not in args.version:
            continue
        if v not in pythons:
            print("%s: no interpreter, skipped" % v)
            continue
        generate(v, pythons[v])
    for src, (v, name) in CROSS.items():
        if v in pythons:
            compile_one(pythons[v], v, os.path.join(SRC, src), os.path.join(OUT, name))


if __name__ == "__main__":
    main()
