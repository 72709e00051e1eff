#!/usr/bin/env python3
"""Regenerates the fixtures of tests/cli_flags.rs: tests/cli_flags/probe.py compiled by
every installed CPython 3.6-3.13 into tests/cli_flags/X.Y/probe.pyc (and probe2.py by 2.7
into tests/cli_flags/2.7/probe2.pyc), and in
tests/cli_flags/X.Y/expected.json what that CPython printed for each case of CASES
(interpreter options before the program, PYTHON* variables, program arguments): stdout
and stderr merged (so `-u` shows in the interleaving) and the exit status.

    tools/gen_flag_fixtures.py
"""
import glob
import json
import os
import py_compile
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "tests", "cli_flags")
VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
PINNED_MTIME = 1700000000
# (options, environment, program arguments). tests/cli_flags.rs runs the same.
CASES = [
    ([], {}, []),
    (["-u"], {}, []),
    ([], {"PYTHONUNBUFFERED": "1"}, []),
    (["-E"], {"PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}, []),
    (["-B", "-O"], {}, []),
    (["-OO", "-s", "-S", "-q", "-b"], {}, []),
    (["-bb", "-W", "error", "-Wignore::DeprecationWarning"], {"PYTHONWARNINGS": "always,once"}, []),
    (["-X", "dev", "-Xa=b"], {}, []),
    (["-I"], {"PYTHONWARNINGS": "always", "PYTHONOPTIMIZE": "1"}, []),
    ([], {"PYTHONOPTIMIZE": "2", "PYTHONDONTWRITEBYTECODE": "x"}, []),
    ([], {"PYTHONHASHSEED": "0"}, ["fixed"]),
    ([], {"PYTHONHASHSEED": "12345"}, ["fixed"]),
    ([], {"PYTHONHASHSEED": "4294967295"}, ["fixed"]),
    ([], {"PYTHONHASHSEED": "random"}, []),
    ([], {}, []),
]


def case_key(options, env, args):
    """The case's name in expected.json: options, then VAR=value, then | arguments."""
    parts = list(options) + ["%s=%s" % kv for kv in sorted(env.items())]
    return " ".join(parts + ["|"] + list(args))


def find_python(version):
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python")))
    return found[-1] if found else None


def compile_probe(python, name, version, env):
    """Compiles tests/cli_flags/NAME (mtime pinned) into tests/cli_flags/VERSION/NAMEc."""
    os.makedirs(os.path.join(BASE, version), exist_ok=True)
    script = (
        "import os, py_compile, sys\n"
        "os.utime(sys.argv[1], (%d, %d))\n"
        "py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)\n"
    ) % (PINNED_MTIME, PINNED_MTIME)
    source = os.path.join(BASE, name)
    pyc = os.path.join(BASE, version, name + "c")
    subprocess.run([python, "-c", script, source, pyc, name], check=True, env=env)


def main():
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for v in VERSIONS:
        python = find_python(v)
        if python is None:
            print(f"{v}: no CPython, skipped", file=sys.stderr)
            continue
        out_dir = os.path.join(BASE, v)
        compile_probe(python, "probe.py", v, base_env)
        expected = {}
        for options, env, args in CASES:
            key = case_key(options, env, args)
            if key in expected:
                continue
            run = subprocess.run(
                [python] + options + ["probe.pyc"] + args,
                cwd=out_dir,
                env=dict(base_env, **env),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            expected[key] = {"output": run.stdout, "status": run.returncode}
        with open(os.path.join(out_dir, "expected.json"), "w") as f:
            json.dump(expected, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{v}: {len(expected)} cases")
    # Python 2's probe: hashes are not randomized by default (only compiled; the test
    # checks that two runs agree and what sys.flags says).
    python2 = find_python("2.7")
    if python2 is not None:
        compile_probe(python2, "probe2.py", "2.7", base_env)


if __name__ == "__main__":
    main()
