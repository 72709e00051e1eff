#!/usr/bin/env python3
"""Regenerate tests/known_failures.txt from what the current VM does.

Runs the conformance test (tests/conformance.rs) in its write mode: every (program, version)
pair is run with the freshly built xpython and each failing pair is written as
`program version  # first difference`. The comparison logic is the test's own, so the list
matches exactly what `cargo test --release --test conformance` then checks.

Usage: tools/update_known_failures.py [--debug] [--jobs N]
Afterwards review `git diff tests/known_failures.txt`: a pair leaving the list is progress; a
pair joining it is a regression to look at before committing.
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LIST = os.path.join(ROOT, "tests", "known_failures.txt")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--debug", action="store_true", help="use a debug build instead of --release")
    ap.add_argument("--jobs", type=int, default=2, help="parallel runs (default 2)")
    args = ap.parse_args()
    env = dict(os.environ)
    env["XPYTHON_CONFORMANCE_WRITE"] = LIST
    env["XPYTHON_CONFORMANCE_JOBS"] = str(args.jobs)
    env.pop("XPYTHON_CONFORMANCE_FILTER", None)
    cmd = ["cargo", "test"] + ([] if args.debug else ["--release"]) + [
        "--test", "conformance", "--", "--nocapture"]
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
