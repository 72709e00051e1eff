#!/usr/bin/env python3
"""Compile the loader's golden fixtures with every installed CPython and record the facts.

For each interpreter (default: ~/.pyenv/versions/*/bin/python) this writes, under
tests/data/pyc/fixtures/<X.Y>/:
  - the fixture sources of tests/data/pyc/fixtures/src/ compiled by that interpreter
    (consts_py2.py for 2.x, consts_py3.py and the features_py3NN.py its version accepts
    for 3.x), with the source mtime pinned so that reruns give the same bytes;
  - consts_checked_hash.pyc / consts_unchecked_hash.pyc (3.7+, PEP 552 hash-based);
  - exotic.pyc: a module whose co_consts holds what no compiler emits but marshal
    carries (list, dict, set, frozenset, StopIteration, Ellipsis, nested containers);
  - stdlib_<mod>.pyc: a few modules of that interpreter's own standard library;
  - expected.json: what the interpreter itself reads back from each file (marshal.loads
    of the bytes after the header): per code object, recursively, its name, qualname,
    counts, flags, names, varnames, cellvars, freevars, filename, firstlineno, an FNV-1a
    digest of co_code / line table / exception table, and repr() of every constant.
    Sets and frozensets are recorded as sorted element reprs (their iteration order is
    the hash order); code objects as nested facts (their repr holds an address).

tests/pyc_fixtures.rs reads the same files with xpython and compares.
Run it with any Python 3: the per-interpreter work happens in a worker mode of this same
file, written to run on 2.7 and 3.6+. PYTHONHASHSEED is pinned for the workers.

Usage: tools/gen_pyc_fixtures.py [PYTHON...]
"""
from __future__ import print_function

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "tests", "data", "pyc", "fixtures")
SRC = os.path.join(FIXTURES, "src")
MTIME = 1700000000
STDLIB = ["textwrap", "fractions", "argparse"]
FEATURES = [((3, 8), "features_py38.py"), ((3, 10), "features_py310.py"),
            ((3, 11), "features_py311.py"), ((3, 12), "features_py312.py")]


# ----------------------------------------------------------------------------- worker

def fnv(data):
    """FNV-1a 64 of a byte string, as '<len>:<hex>'."""
    h = 0xcbf29ce484222325
    for b in bytearray(data):
        h ^= b
        h = (h * 0x100000001b3) & 0xffffffffffffffff
    return "%d:%016x" % (len(data), h)


def text(s):
    if isinstance(s, bytes) and str is not bytes:
        return s.decode("utf-8", "replace")
    if isinstance(s, bytes):
        return s.decode("utf-8", "replace")
    return s


def has_special(c):
    if isinstance(c, (set, frozenset)) or hasattr(c, "co_code"):
        return True
    if isinstance(c, (tuple, list)):
        return any(has_special(x) for x in c)
    if isinstance(c, dict):
        return any(has_special(k) or has_special(v) for k, v in c.items())
    return False


def const_facts(c):
    if hasattr(c, "co_code"):
        return {"code": code_facts(c)}
    if isinstance(c, frozenset):
        return {"frozenset": sorted(repr(x) for x in c)}
    if isinstance(c, set):
        return {"set": sorted(repr(x) for x in c)}
    if isinstance(c, tuple) and has_special(c):
        return {"tuple": [const_facts(x) for x in c]}
    if isinstance(c, list) and has_special(c):
        return {"list": [const_facts(x) for x in c]}
    return {"repr": repr(c), "type": type(c).__name__}


def code_facts(co):
    v = sys.version_info
    if v >= (3, 11):
        table = co.co_linetable
    elif v >= (3, 10):
        table = co.co_linetable
    else:
        table = co.co_lnotab
    return {
        "name": text(co.co_name),
        "qualname": text(getattr(co, "co_qualname", co.co_name)),
        "filename": text(co.co_filename),
        "firstlineno": co.co_firstlineno,
        "argcount": co.co_argcount,
        "posonlyargcount": getattr(co, "co_posonlyargcount", 0),
        "kwonlyargcount": getattr(co, "co_kwonlyargcount", 0),
        "nlocals": co.co_nlocals,
        "stacksize": co.co_stacksize,
        "flags": co.co_flags,
        "names": [text(n) for n in co.co_names],
        "varnames": [text(n) for n in co.co_varnames],
        "cellvars": [text(n) for n in co.co_cellvars],
        "freevars": [text(n) for n in co.co_freevars],
        "code": fnv(co.co_code),
        "linetable": fnv(table),
        "exceptiontable": fnv(getattr(co, "co_exceptiontable", b"")),
        "consts": [const_facts(c) for c in co.co_consts],
    }


def magic_bytes():
    try:
        import importlib.util
        return importlib.util.MAGIC_NUMBER
    except ImportError:
        import imp
        return imp.get_magic()


def header_size():
    v = sys.version_info
    if v >= (3, 7):
        return 16
    if v >= (3, 3):
        return 12
    return 8


def file_facts(path):
    import marshal
    import struct
    with open(path, "rb") as fh:
        data = fh.read()
    hs = header_size()
    magic = struct.unpack("<H", data[:2])[0]
    flags = struct.unpack("<I", data[4:8])[0] if hs == 16 else 0
    if flags & 1:
        source = {"hash": "".join("%02x" % b for b in bytearray(data[8:16])), "checked": bool(flags & 2)}
    else:
        at = 8 if hs == 16 else 4
        source = {"mtime": struct.unpack("<I", data[at:at + 4])[0]}
        if hs > 8:
            source["size"] = struct.unpack("<I", data[at + 4:at + 8])[0]
    code = marshal.loads(data[hs:])
    return {"magic": magic, "flags": flags, "source": source, "code": code_facts(code)}


def compile_to(py_compile, src, out, mode=None):
    dfile = os.path.basename(src)
    if mode is None:
        py_compile.compile(src, out, dfile, True)
    else:
        py_compile.compile(src, out, dfile, True, invalidation_mode=mode)


def write_exotic(out):
    import marshal
    import struct
    import types
    base = compile("x = 1\n", "exotic.py", "exec")
    consts = (1, [1, 2, (3, [4])], {"k": "v"}, {1: (2, 3)}, set([5]), set([6, 7, 8]),
              frozenset(), frozenset([1, 2, 3]), StopIteration, Ellipsis, None,
              ([frozenset([9])], (frozenset(), ())), set())
    v = sys.version_info
    if v >= (3, 8):
        code = base.replace(co_consts=consts)
    elif v >= (3, 0):
        code = types.CodeType(base.co_argcount, base.co_kwonlyargcount, base.co_nlocals,
                              base.co_stacksize, base.co_flags, base.co_code, consts,
                              base.co_names, base.co_varnames, base.co_filename, base.co_name,
                              base.co_firstlineno, base.co_lnotab)
    else:
        code = types.CodeType(base.co_argcount, base.co_nlocals, base.co_stacksize,
                              base.co_flags, base.co_code, consts, base.co_names,
                              base.co_varnames, base.co_filename, base.co_name,
                              base.co_firstlineno, base.co_lnotab)
    hs = header_size()
    header = magic_bytes()
    if hs == 16:
        header += struct.pack("<I", 0)
    header += struct.pack("<I", MTIME)
    if hs >= 12:
        header += struct.pack("<I", 6)
    with open(out, "wb") as fh:
        fh.write(header + marshal.dumps(code))


def worker(outdir):
    import py_compile
    v = sys.version_info
    tmp = tempfile.mkdtemp()
    try:
        sources = []
        if v[0] == 2:
            sources.append("consts_py2.py")
        else:
            sources.append("consts_py3.py")
            sources += [name for need, name in FEATURES if v[:2] >= need]
        jobs = []
        for name in sources:
            src = os.path.join(tmp, name)
            shutil.copy(os.path.join(SRC, name), src)
            jobs.append((src, name[:-3] + ".pyc", None))
        if v >= (3, 7):
            mode = py_compile.PycInvalidationMode
            src = os.path.join(tmp, "consts_py3.py")
            jobs.append((src, "consts_checked_hash.pyc", mode.CHECKED_HASH))
            jobs.append((src, "consts_unchecked_hash.pyc", mode.UNCHECKED_HASH))
        libdir = os.path.dirname(os.__file__)
        for mod in STDLIB:
            src = os.path.join(tmp, mod + ".py")
            shutil.copy(os.path.join(libdir, mod + ".py"), src)
            jobs.append((src, "stdlib_" + mod + ".pyc", None))
        facts = {}
        for src, out, mode in jobs:
            os.utime(src, (MTIME, MTIME))
            path = os.path.join(outdir, out)
            compile_to(py_compile, src, path, mode)
            facts[out] = file_facts(path)
        path = os.path.join(outdir, "exotic.pyc")
        write_exotic(path)
        facts["exotic.pyc"] = file_facts(path)
    finally:
        shutil.rmtree(tmp)
    doc = {"version": "%d.%d" % v[:2], "python": sys.version.split()[0], "files": facts}
    with open(os.path.join(outdir, "expected.json"), "w") as fh:
        json.dump(doc, fh, indent=1, sort_keys=True)
        fh.write("\n")


# ----------------------------------------------------------------------------- driver

def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
        return
    pythons = sys.argv[1:] or sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/*/bin/python")))
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    for py in pythons:
        ver = subprocess.check_output([py, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        ver = ver.decode().strip()
        outdir = os.path.join(FIXTURES, ver)
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        os.makedirs(outdir)
        subprocess.check_call([py, os.path.abspath(__file__), "--worker", outdir], env=env)
        print("%s: %d files" % (ver, len(os.listdir(outdir))))


if __name__ == "__main__":
    main()
