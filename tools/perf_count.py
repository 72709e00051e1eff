#!/usr/bin/env python3
"""Counts the machine instructions xpython and CPython execute on each benchmark, small size.

Wall times on a shared machine are noisy; instruction counts (valgrind's callgrind, user
space, the whole process) are not; the count of an empty program (start-up and shut-down)
is subtracted, so the figures are the benchmark's own work. Each benchmark of benches/ runs with
a small argument (SMALL below) so that a count takes seconds under callgrind. The ratio
xpython/CPython of instructions is a proxy for the ratio of times, not the same thing
(cache misses and branch mispredictions do not show).

    tools/perf_count.py                       # every benchmark, 3.11 bytecode
    tools/perf_count.py --bench fib --no-cpython
    tools/perf_count.py --write-bounds        # record tests/perf/bounds.txt (see below)
    tools/perf_count.py --spread 2.7 3.8 3.13 # each version's counts against 3.11's; exit 1
                                              # when one is more than 15% off

`--write-bounds` compiles the benchmarks of BUDGET into tests/perf/ (NAME.cpython-311.pyc),
runs each with its tiny BUDGET argument (a few seconds under callgrind) and records the
xpython count plus a margin in tests/perf/bounds.txt; tests/perf_budget.rs fails when a
count grows past its bound (a performance regression check without timing).
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCHES, ROOT, compile_with, find_python  # noqa: E402

# The argument each benchmark gets: about 1% of its timed size.
SMALL = {
    "fannkuch": "7",
    "fib": "20",
    "generators": "40000",
    "loop": "1",
    "nbody": "4000",
    "nqueens": "2",
    "objects": "10000",
    "pidigits": "600",
    "scheduler": "4",
    "spectral_norm": "50",
    "strings": "8000",
    "wordfreq": "20000",
}
# The benchmarks and arguments of the CI budget (tests/perf_budget.rs): tiny, since the
# test runs them under callgrind.
BUDGET = {
    "fib": "17",
    "nbody": "500",
    "objects": "1500",
    "scheduler": "1",
    "generators": "4000",
}
# How much a count may grow over the recorded one before the budget test fails.
MARGIN = 1.10
PERF_DIR = os.path.join(ROOT, "tests", "perf")


def callgrind(command):
    """The instructions `command` executes (callgrind's `Collected`), and its stdout."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        r = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + command,
            capture_output=True,
            text=True,
        )
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s" % (command, r.stderr[-400:]))
    for line in r.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1]), r.stdout
    raise RuntimeError("no count from callgrind for %s" % command)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python-version", default="3.11")
    ap.add_argument("--xpython", default=os.path.join(ROOT, "target", "release", "xpython"))
    ap.add_argument("--bench", action="append", default=[])
    ap.add_argument("--no-cpython", action="store_true", help="count xpython only")
    ap.add_argument("--write-bounds", action="store_true")
    ap.add_argument("--spread", nargs="+", metavar="VERSION",
                    help="compare these versions' counts with --python-version's")
    args = ap.parse_args()
    if args.spread:
        return spread(args)
    python = find_python(args.python_version)
    if python is None:
        sys.exit("no CPython %s found" % args.python_version)
    sizes = BUDGET if args.write_bounds else SMALL
    names = args.bench or sorted(sizes)
    tag = "cpython-" + args.python_version.replace(".", "")
    bounds = []
    print("%-14s %14s %14s %7s" % ("benchmark", "xpython", "CPython", "ratio"))
    with tempfile.TemporaryDirectory() as tmp:
        empty_src = os.path.join(tmp, "empty.py")
        open(empty_src, "w").close()
        empty = os.path.join(tmp, "empty.pyc")
        compile_with(python, empty_src, empty)
        xbase = callgrind([args.xpython, empty])[0]
        cbase = 0 if args.no_cpython else callgrind([python, empty])[0]
        print(
            "%-14s %14s %14s   (subtracted below)"
            % ("(start-up)", "{:,}".format(xbase), "{:,}".format(cbase))
        )
        for name in names:
            directory = PERF_DIR if args.write_bounds else tmp
            os.makedirs(directory, exist_ok=True)
            pyc = os.path.join(directory, "%s.%s.pyc" % (name, tag))
            try:
                compile_with(python, os.path.join(BENCHES, name + ".py"), pyc, quiet=True)
            except subprocess.CalledProcessError:
                print("%-14s (not valid Python %s)" % (name, args.python_version))
                continue
            xcount, xout = callgrind([args.xpython, pyc, sizes[name]])
            xcount -= xbase
            if args.no_cpython:
                print("%-14s %14s" % (name, "{:,}".format(xcount)))
            else:
                ccount, cout = callgrind([python, pyc, sizes[name]])
                ccount -= cbase
                flag = "" if xout == cout else "  OUTPUT DIFFERS"
                print(
                    "%-14s %14s %14s %7.2f%s"
                    % (name, "{:,}".format(xcount), "{:,}".format(ccount), xcount / ccount, flag)
                )
            bounds.append((name, sizes[name], int((xcount + xbase) * MARGIN), xout.strip()))
    if args.write_bounds:
        with open(os.path.join(PERF_DIR, "bounds.txt"), "w") as f:
            f.write("# benchmark argument max-instructions expected-stdout\n")
            f.write("# Written by tools/perf_count.py --write-bounds: recorded count + 10%.\n")
            for name, arg, bound, out in bounds:
                f.write("%s\t%s\t%d\t%s\n" % (name, arg, bound, out))
    return 0


# How far another version's count may be from the baseline's (issue 6: within 15%).
SPREAD = 0.15


def counts_for(xpython, version, names, tmp):
    """xpython's instruction count per benchmark on `version`'s bytecode (start-up
    subtracted); benchmarks not valid in that version are left out."""
    python = find_python(version)
    if python is None:
        sys.exit("no CPython %s found" % version)
    empty_src = os.path.join(tmp, "empty.py")
    open(empty_src, "w").close()
    empty = os.path.join(tmp, "empty-%s.pyc" % version)
    compile_with(python, empty_src, empty)
    base = callgrind([xpython, empty])[0]
    counts = {}
    for name in names:
        pyc = os.path.join(tmp, "%s-%s.pyc" % (name, version))
        try:
            compile_with(python, os.path.join(BENCHES, name + ".py"), pyc, quiet=True)
        except subprocess.CalledProcessError:
            continue
        counts[name] = callgrind([xpython, pyc, SMALL[name]])[0] - base
    return counts


def spread(args):
    """Prints each version's counts as a change from the baseline version's; 1 when one
    is further than SPREAD from it."""
    names = args.bench or sorted(n for n in SMALL if n != "loop")
    with tempfile.TemporaryDirectory() as tmp:
        base = counts_for(args.xpython, args.python_version, names, tmp)
        others = {v: counts_for(args.xpython, v, names, tmp) for v in args.spread}
    print("%-14s %14s" % ("benchmark", args.python_version) + "".join("%9s" % v for v in others))
    worst = 0.0
    for name in names:
        if name not in base:
            continue
        row = "%-14s %14s" % (name, "{:,}".format(base[name]))
        for counts in others.values():
            if name in counts:
                change = counts[name] / base[name] - 1
                worst = max(worst, abs(change))
                row += "%+8.1f%%" % (change * 100)
            else:
                row += "%9s" % "-"
        print(row)
    ok = worst <= SPREAD
    print("\nlargest difference %.1f%%: %s" % (worst * 100, "within 15%" if ok else "MORE THAN 15%"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
