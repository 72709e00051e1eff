#!/usr/bin/env python3
"""Record the golden outputs of the Python 2 conformance corpus from the real CPython 2.7.

The same as tools/gen_golden.py (whose code this runs; see its docstring for the files
written, the `# key: value` headers and the checks made), for the programs written in
Python 2: tests/programs2/NNN_topic.py, compiled and run by
~/.pyenv/versions/2.7.*/bin/python, the results under
tests/golden2/NNN_topic/2.7.{pyc,out,status,err,stderr}. tests/conformance.rs runs them as
the pairs `py2/NNN_topic 2.7`.

Usage: tools/gen_golden2.py [--program NAME]... [--jobs N]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_golden  # noqa: E402

gen_golden.PROGRAMS = os.path.join(gen_golden.ROOT, "tests", "programs2")
gen_golden.GOLDEN = os.path.join(gen_golden.ROOT, "tests", "golden2")
gen_golden.VERSIONS = ["2.7"]
gen_golden.__doc__ = __doc__

if __name__ == "__main__":
    sys.exit(gen_golden.main())
