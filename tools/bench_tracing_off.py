#!/usr/bin/env python3
"""Times xpython running a loop-heavy .pyc with tracing off, for two binaries.

Tracing is compiled into a second copy of the evaluation loop, so a run without `-v`
must be as fast as before tracing existed. This compiles benches/loop.py with the
CPython of each version asked for (pyenv's, else pythonX.Y on PATH), runs each binary
`--runs` times on the .pyc and prints the best and median wall times; with
`--callgrind`, also the instructions executed (valgrind's callgrind, at a tenth of the
work), which other processes on the machine do not disturb.

    tools/bench_tracing_off.py --before /tmp/xpython-old --after target/release/xpython \
        --versions 3.8 3.11 3.12 --runs 5
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_python(version):
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python")))
    if found:
        return found[-1]
    # (pyenv's shims on PATH may name versions that are not selected: pyenv's first.)
    return shutil.which("python" + version)


def compile_with(python, source, target):
    code = "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2], doraise=True)"
    subprocess.run([python, "-c", code, source, target], check=True)


def time_runs(binary, pyc, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, pyc], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def callgrind_instructions(binary, pyc):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        r = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, binary, pyc, "1"],
            capture_output=True,
            text=True,
            check=True,
        )
    for line in r.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", required=True, help="xpython built before the change")
    ap.add_argument("--after", default=os.path.join(ROOT, "target/release/xpython"))
    ap.add_argument("--versions", nargs="+", default=["3.8", "3.11", "3.12"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--callgrind", action="store_true", help="also count instructions")
    args = ap.parse_args()
    source = os.path.join(ROOT, "benches", "loop.py")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'version':8} {'binary':7} {'best s':>8} {'median s':>9} {'instructions':>14}")
        for v in args.versions:
            python = find_python(v)
            if python is None:
                print(f"{v:8} (no CPython {v}: skipped)")
                continue
            pyc = os.path.join(tmp, f"loop-{v}.pyc")
            compile_with(python, source, pyc)
            for label, binary in (("before", args.before), ("after", args.after)):
                best, median = time_runs(binary, pyc, args.runs)
                count = callgrind_instructions(binary, pyc) if args.callgrind else None
                shown = f"{count:14,}" if count else ""
                print(f"{v:8} {label:7} {best:8.3f} {median:9.3f} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
