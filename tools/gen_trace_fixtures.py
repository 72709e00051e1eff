#!/usr/bin/env python3
"""Regenerates the fixtures of tests/cli_trace.rs: each tests/trace/NAME.py compiled by
every installed CPython 3.6-3.13 into tests/trace/NAME.X.Y.pyc (co_filename NAME.py),
and xpython's own traces of it in tests/trace/expected/NAME.X.Y.v.txt (-v) and
NAME.X.Y.vv.txt (-vv), with memory addresses written `0x?`.

The traces are xpython's format, so they are recorded from xpython (build it first:
cargo build --release); the test checks them against the bytecode independently
(offsets and names against `xpython dis`, the values each instruction consumes against
what the program computes), so a wrong recording cannot pass unnoticed.

    tools/gen_trace_fixtures.py [--xpython target/release/xpython]
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "tests", "trace")
VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]


def find_python(version):
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python")))
    return found[-1] if found else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--xpython", default=os.path.join(ROOT, "target", "release", "xpython"))
    args = ap.parse_args()
    os.makedirs(os.path.join(DIR, "expected"), exist_ok=True)
    sources = sorted(glob.glob(os.path.join(DIR, "*.py")))
    env = dict(os.environ, PYTHONHASHSEED="0")
    for v in VERSIONS:
        python = find_python(v)
        if python is None:
            print(f"{v}: no CPython, skipped", file=sys.stderr)
            continue
        for src in sources:
            name = os.path.splitext(os.path.basename(src))[0]
            pyc = os.path.join(DIR, f"{name}.{v}.pyc")
            code = (
                "import py_compile, sys; "
                "py_compile.compile(sys.argv[1], sys.argv[2], dfile=sys.argv[3], doraise=True)"
            )
            subprocess.run([python, "-c", code, src, pyc, name + ".py"], check=True)
            for level in ("v", "vv"):
                out = subprocess.run(
                    [args.xpython, "-" + level, os.path.basename(pyc)],
                    cwd=DIR,
                    env=env,
                    capture_output=True,
                    text=True,
                )
                path = os.path.join(DIR, "expected", f"{name}.{v}.{level}.txt")
                # Memory addresses change from run to run (the test masks them too).
                with open(path, "w") as f:
                    f.write(re.sub(r"0x[0-9a-fA-F]+", "0x?", out.stderr))
        print(f"{v}: {len(sources)} programs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
