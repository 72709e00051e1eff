#!/usr/bin/env python3
"""Runs the benchmarks of benches/ on xpython and on CPython, on the same .pyc.

Each benchmark is compiled once by the CPython of `--python-version` (pyenv's, else
pythonX.Y on PATH). Then, after one warm-up run of each, xpython and that CPython run the
.pyc alternately `--runs` times. Their stdout (the benchmark's checksum) must agree; the
script prints, per benchmark, the median wall time of each, the ratio xpython/CPython and
the peak resident memory of each (/usr/bin/time's %M), then the
geometric mean of the ratios and the largest ratios of memory. It also times an empty
program (start-up) and, with `--untraced BINARY` (an xpython built with
`--no-default-features`, which has no traced copy of the loop), the cost of `-v` being
compiled in but off, on benches/loop.py.

    tools/bench.py                         # every benchmark, 3.11 bytecode, 5 runs each
    tools/bench.py --bench fib --bench nbody --runs 9
    tools/bench.py --python-version 3.8 --check      # one run each: checksums only
    tools/bench.py --targets               # and exit 1 when a target of issue 6 is missed

`--targets` checks the performance targets on the figures just measured: geometric mean
of the ratios <= 1.5, no ratio above 2.5, peak memory <= 1.5x CPython's on each, start-up
<= 10 ms (the spread across versions is checked by tools/perf_count.py --spread).

The machine's load changes wall times: the script prints `uptime`'s load average and the
CPU first. Instruction counts (tools/perf_count.py) do not depend on the load.
"""
import argparse
import glob
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHES = os.path.join(ROOT, "benches")
# Programs in benches/ that are not benchmarks of the suite.
NOT_IN_SUITE = {"loop"}
TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def find_python(version):
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python")))
    if found:
        return found[-1]
    return shutil.which("python" + version)


def compile_with(python, source, target, quiet=False):
    """Compiles `source` to `target` with `python`; CalledProcessError when it cannot
    (`quiet`: without printing the compiler's error)."""
    code = "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2], doraise=True)"
    stderr = subprocess.DEVNULL if quiet else None
    subprocess.run([python, "-c", code, source, target], check=True, stderr=stderr)


def run_measured(command):
    """Runs `command`; returns (wall seconds, peak RSS KiB, stdout bytes, stderr, status).

    The peak RSS comes from /usr/bin/time -f %M when it exists: a child forked from this
    script inherits the script's own peak in ru_maxrss (Linux keeps the high-water mark
    across exec), so reading wait4's figure directly would report at least this
    script's size. /usr/bin/time is small, so its child starts from a small floor. Its
    own start-up is included in the wall time of both interpreters alike."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        if TIME:
            command = [TIME, "-f", "%M", "-o", rss_file.name] + command
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()
        elapsed = time.perf_counter() - start
        rss = 0
        if TIME:
            text = rss_file.read().strip().splitlines()
            rss = int(text[-1]) if text and text[-1].isdigit() else 0
    return elapsed, rss, out, err, proc.returncode


def measure(commands, runs):
    """Alternates the commands (after one warm-up each) `runs` times.
    Returns per command: (median seconds, max peak RSS KiB, stdout of the first run)."""
    results = {name: {"times": [], "rss": 0, "out": None} for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            elapsed, rss, out, err, status = run_measured(command)
            r = results[name]
            if status != 0:
                raise RuntimeError(
                    "%s exited with %d: %s" % (name, status, err.decode(errors="replace")[-500:])
                )
            if r["out"] is None:
                r["out"] = out
            elif out != r["out"]:
                raise RuntimeError("%s printed different output in two runs" % name)
            if round_ > 0:
                r["times"].append(elapsed)
            r["rss"] = max(r["rss"], rss)
    return {
        name: (statistics.median(r["times"]) if r["times"] else 0.0, r["rss"], r["out"])
        for name, r in results.items()
    }


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    return "%s, %d CPUs, load average %s" % (
        cpu,
        os.cpu_count() or 0,
        " ".join("%.2f" % x for x in load),
    )


def suite(selected):
    names = sorted(
        os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(BENCHES, "*.py"))
    )
    names = [n for n in names if n not in NOT_IN_SUITE]
    if selected:
        unknown = [s for s in selected if s not in names and s not in NOT_IN_SUITE]
        if unknown:
            sys.exit("unknown benchmark(s): %s (have: %s)" % (", ".join(unknown), ", ".join(names)))
        names = [s for s in selected]
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python-version", default="3.11", help="CPython that compiles and compares")
    ap.add_argument("--xpython", default=os.path.join(ROOT, "target", "release", "xpython"))
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each (after a warm-up)")
    ap.add_argument("--bench", action="append", default=[], help="only this benchmark (repeatable)")
    ap.add_argument("--check", action="store_true", help="one run each, compare checksums only")
    ap.add_argument("--untraced", help="an xpython built without tracing, to time -v's cost")
    ap.add_argument("--no-startup", action="store_true", help="skip the empty-program figure")
    ap.add_argument("--targets", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()

    python = find_python(args.python_version)
    if python is None:
        sys.exit("no CPython %s found (pyenv or python%s on PATH)" % ((args.python_version,) * 2))
    if not os.path.exists(args.xpython):
        sys.exit("no xpython at %s (cargo build --release)" % args.xpython)
    runs = 0 if args.check else args.runs
    print("machine: %s" % machine())
    print("CPython: %s   xpython: %s   runs: %d after a warm-up\n" % (python, args.xpython, runs))

    ratios = []
    mem_ratios = []
    startup_ms = None
    failed = []
    header = "%-14s %9s %9s %7s %10s %10s %6s" % (
        "benchmark", "xpython s", "CPython s", "ratio", "xpy RSS MB", "Py RSS MB", "mem x"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for name in suite(args.bench):
            pyc = os.path.join(tmp, "%s.pyc" % name)
            try:
                compile_with(python, os.path.join(BENCHES, name + ".py"), pyc)
            except subprocess.CalledProcessError:
                print("%-14s not valid Python %s: skipped" % (name, args.python_version))
                continue
            commands = {"xpython": [args.xpython, pyc], "cpython": [python, pyc]}
            try:
                res = measure(commands, runs)
            except RuntimeError as e:
                print("%-14s FAILED: %s" % (name, e))
                failed.append(name)
                continue
            (xt, xrss, xout), (ct, crss, cout) = res["xpython"], res["cpython"]
            if xout != cout:
                print("%-14s CHECKSUMS DIFFER:\n  xpython: %r\n  CPython: %r" % (name, xout, cout))
                failed.append(name)
                continue
            if args.check:
                print("%-14s ok: %s" % (name, xout.decode(errors="replace").strip()[:60]))
                continue
            ratio = xt / ct if ct else float("nan")
            ratios.append(ratio)
            mem_ratios.append(xrss / max(crss, 1))
            print(
                "%-14s %9.3f %9.3f %7.2f %10.1f %10.1f %6.2f"
                % (name, xt, ct, ratio, xrss / 1024.0, crss / 1024.0, xrss / max(crss, 1))
            )
        if ratios:
            geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
            print("-" * len(header))
            print("%-14s %9s %9s %7.2f   (max %.2f)" % ("geometric mean", "", "", geo, max(ratios)))

        if not args.no_startup and not args.check:
            empty_src = os.path.join(tmp, "empty.py")
            with open(empty_src, "w") as f:
                f.write("")
            empty = os.path.join(tmp, "empty.pyc")
            compile_with(python, empty_src, empty)
            res = measure(
                {"xpython": [args.xpython, empty], "cpython": [python, empty]}, max(runs, 10)
            )
            startup_ms = res["xpython"][0] * 1000
            print(
                "\nstart-up (empty program): xpython %.1f ms, CPython %.1f ms"
                % (startup_ms, res["cpython"][0] * 1000)
            )
        if args.untraced and not args.check:
            loop = os.path.join(tmp, "loop.pyc")
            compile_with(python, os.path.join(BENCHES, "loop.py"), loop)
            res = measure({"with": [args.xpython, loop], "without": [args.untraced, loop]}, runs)
            w, wo = res["with"][0], res["without"][0]
            print(
                "tracing compiled in but off (benches/loop.py): %.3f s vs %.3f s without: %+.1f%%"
                % (w, wo, (w / wo - 1) * 100)
            )
    if failed:
        print("\nfailed: %s" % ", ".join(failed))
        return 1
    if args.targets and not args.check:
        return check_targets(ratios, mem_ratios, startup_ms)
    return 0


def check_targets(ratios, mem_ratios, startup_ms):
    """Prints each performance target with the figure measured; 1 when one is missed."""
    if not ratios:
        print("\ntargets: nothing measured")
        return 1
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    checks = [
        ("geometric mean <= 1.5", "%.2f" % geo, geo <= 1.5),
        ("no ratio above 2.5", "max %.2f" % max(ratios), max(ratios) <= 2.5),
        ("peak memory <= 1.5x", "max %.2f" % max(mem_ratios), max(mem_ratios) <= 1.5),
    ]
    if startup_ms is not None:
        checks.append(("start-up <= 10 ms", "%.1f ms" % startup_ms, startup_ms <= 10.0))
    print()
    for what, figure, ok in checks:
        print("target %-24s %-12s %s" % (what, figure, "met" if ok else "MISSED"))
    return 0 if all(ok for _, _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
