#!/usr/bin/env python3
"""Regenerates the fixtures of tests/cli_run.rs: the programs of tests/module_run/src
compiled by every installed CPython 3.6-3.13 into sourceless .pyc files (the legacy
layout, NAME.pyc where NAME.py would be) under tests/module_run/X.Y/, and what that
CPython does with them in tests/module_run/X.Y/expected.json: per command line (see
CASES), stdout, the exit status and the last stderr line (with the interpreter's own
path prefix, `/path/to/python: `, removed).

    tools/gen_module_fixtures.py
"""
import glob
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "tests", "module_run")
SRC = os.path.join(BASE, "src")
VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
# The command lines (after the interpreter) tests/cli_run.rs runs with xpython too.
# The failures below existing packages come after those ran (`pkg init` first).
CASES = [
    ["-m", "tool", "a", "b"],
    ["-m", "pkg", "x", "-v"],
    ["-m", "pkg.helper"],
    ["-m", "nosuch"],
    ["-m", "nosuch.sub"],
    ["-m", "nsp"],
    ["-m", "lib"],
    ["-m", "pkg.nosuch"],
    ["-m", "pkg.nosuch.deeper"],
    ["-m", "pkg.helper.x"],
    ["-m", "tool.sub"],
    ["-m", "bye"],
    ["tool.pyc", "1"],
    ["fail.pyc"],
    ["bye.pyc"],
]


def find_python(version):
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python")))
    return found[-1] if found else None


def main():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for v in VERSIONS:
        python = find_python(v)
        if python is None:
            print(f"{v}: no CPython, skipped", file=sys.stderr)
            continue
        out_dir = os.path.join(BASE, v)
        shutil.rmtree(out_dir, ignore_errors=True)
        for src in glob.glob(os.path.join(SRC, "**", "*.py"), recursive=True):
            rel = os.path.relpath(src, SRC)
            target = os.path.join(out_dir, rel + "c")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            code = (
                "import py_compile, sys; "
                "py_compile.compile(sys.argv[1], sys.argv[2], dfile=sys.argv[3], doraise=True)"
            )
            subprocess.run([python, "-c", code, src, target, rel], check=True)
        expected = {}
        for case in CASES:
            r = subprocess.run([python] + case, cwd=out_dir, env=env, capture_output=True, text=True)
            lines = r.stderr.splitlines()
            last = lines[-1] if lines else ""
            if last.startswith(python + ": "):
                last = last[len(python) + 2:]
            expected[" ".join(case)] = {"stdout": r.stdout, "status": r.returncode, "stderr_last": last}
        with open(os.path.join(out_dir, "expected.json"), "w") as f:
            json.dump(expected, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{v}: {len(CASES)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
