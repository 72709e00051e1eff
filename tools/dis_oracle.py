#!/usr/bin/env python
"""The disassembly oracle: what the running CPython's own `dis` says about .pyc files.

Runs unchanged under CPython 2.7 and 3.6+ (single source). For each .pyc given it loads
the marshalled code object and prints JSON lines, one object per line:

  {"file": F, "kind": "text", "text": T}
      The real `dis` text of the module, recursing through co_consts the way 3.7+'s
      `dis.dis(code)` does ("Disassembly of <code object ...>:" headers, depth first).
      2.7 and 3.6 do not recurse; there the recursion is done here around the version's
      own `dis.disassemble(co)`, with the same header format.
  {"file": F, "kind": "code", "name": N, "firstlineno": L, "instrs": [...], ...}
      One per code object, in the same depth-first order: the instruction stream as
      `dis.get_instructions` yields it (2.7 has no get_instructions: the stream is rebuilt
      from `dis.disassemble`'s own logic, see `instrs_27`). Each instruction is
      [offset, opname, arg, repr(argval), argrepr, starts, line, jump_target, positions]
      where `starts`/`line` are the line-start facts dis prints (3.13: starts_line and
      line_number; earlier: starts_line is not None, starts_line), jump_target is
      is_jump_target (3.13: the label number or None) and positions (3.11+) the
      co_positions() entry. "lines" holds list(co_lines()) (3.10+), "extable" the parsed
      exception table (3.11+).
  {"file": F, "kind": "error", "error": E}
      The file could not be loaded or disassembled.

Usage: python dis_oracle.py [--text-only | --code-only] FILE.pyc...
Run with PYTHONHASHSEED=0 for stable set orders (the sweep compares frozensets sorted).
"""
from __future__ import print_function

import dis
import json
import marshal
import sys

VER = sys.version_info[:2]
PY2 = VER[0] == 2

if PY2:
    import cStringIO as _sio

    # 2.7's dis multiplies by 65536L: arguments after EXTENDED_ARG are longs ("70000L").
    EXT_FACTOR = long(65536)  # noqa: F821 (Python 2 only)

    def new_buffer():
        return _sio.StringIO()
else:
    import io as _io

    def new_buffer():
        return _io.StringIO()


def header_size():
    if VER >= (3, 7):
        return 16
    if VER >= (3, 3):
        return 12
    return 8


def load(path):
    f = open(path, "rb")
    try:
        data = f.read()
    finally:
        f.close()
    return marshal.loads(data[header_size():])


def is_code(x):
    return hasattr(x, "co_code")


def walk(co):
    """Code objects depth first, in the order dis prints them."""
    yield co
    for c in co.co_consts:
        if is_code(c):
            for sub in walk(c):
                yield sub


def text_of(co):
    """The dis text of a module code object and everything nested in it."""
    if VER >= (3, 7):
        buf = new_buffer()
        dis.dis(co, file=buf)
        return buf.getvalue()
    out = []

    def one(c):
        if PY2:
            buf = new_buffer()
            saved = sys.stdout
            sys.stdout = buf
            try:
                dis.disassemble(c)
            finally:
                sys.stdout = saved
            out.append(buf.getvalue())
        else:
            buf = new_buffer()
            dis.disassemble(c, file=buf)
            out.append(buf.getvalue())
        for x in c.co_consts:
            if is_code(x):
                out.append("\n")
                out.append("Disassembly of %r:\n" % (x,))
                one(x)

    one(co)
    return "".join(out)


def text_value(s):
    """Python 2 text values are byte strings: make them JSON-safe unicode."""
    if PY2 and isinstance(s, str):
        return s.decode("utf-8", "replace")
    return s


def instrs_27(co):
    """2.7's dis.disassemble loop, yielding what get_instructions would."""
    code = co.co_code
    labels = dis.findlabels(code)
    linestarts = dict(dis.findlinestarts(co))
    n = len(code)
    i = 0
    extended_arg = 0
    free = co.co_cellvars + co.co_freevars
    out = []
    while i < n:
        op = ord(code[i])
        offset = i
        starts = i in linestarts
        line = linestarts.get(i)
        i = i + 1
        arg = None
        argval = None
        argrepr = ""
        if op >= dis.HAVE_ARGUMENT:
            oparg = ord(code[i]) + ord(code[i + 1]) * 256 + extended_arg
            extended_arg = 0
            i = i + 2
            if op == dis.EXTENDED_ARG:
                extended_arg = oparg * EXT_FACTOR
            arg = oparg
            argval = oparg
            argrepr = ""
            if op in dis.hasconst:
                argval = co.co_consts[oparg]
                argrepr = repr(argval)
            elif op in dis.hasname:
                argval = co.co_names[oparg]
                argrepr = argval
            elif op in dis.hasjrel:
                argval = i + oparg
                argrepr = "to " + repr(argval)
            elif op in dis.haslocal:
                argval = co.co_varnames[oparg]
                argrepr = argval
            elif op in dis.hascompare:
                argval = dis.cmp_op[oparg]
                argrepr = argval
            elif op in dis.hasfree:
                argval = free[oparg]
                argrepr = argval
        out.append([offset, dis.opname[op], arg, text_value(repr(argval)),
                    text_value(argrepr), starts, line, offset in labels, None])
    return out


def instrs_3(co):
    out = []
    for ins in dis.get_instructions(co):
        if VER >= (3, 13):
            starts = ins.starts_line
            line = ins.line_number
            jt = ins.label
        else:
            starts = ins.starts_line is not None
            line = ins.starts_line
            jt = ins.is_jump_target
        pos = None
        if VER >= (3, 11):
            p = ins.positions
            pos = [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]
        out.append([ins.offset, ins.opname, ins.arg, repr(ins.argval), ins.argrepr,
                    starts, line, jt, pos])
    return out


def code_record(path, co):
    rec = {"file": path, "kind": "code", "name": text_value(co.co_name),
           "firstlineno": co.co_firstlineno}
    rec["instrs"] = instrs_27(co) if PY2 else instrs_3(co)
    if VER >= (3, 10):
        rec["lines"] = [list(t) for t in co.co_lines()]
    if VER >= (3, 11):
        rec["extable"] = [[e.start, e.end, e.target, e.depth, bool(e.lasti)]
                          for e in dis._parse_exception_table(co)]
    return rec


def emit(obj):
    line = json.dumps(obj, sort_keys=True)
    if PY2:
        sys.stdout.write(line + "\n")
    else:
        sys.stdout.write(line + "\n")


def main(argv):
    want_text = True
    want_code = True
    files = []
    for a in argv:
        if a == "--text-only":
            want_code = False
        elif a == "--code-only":
            want_text = False
        else:
            files.append(a)
    if not PY2:
        # Reprs may hold any character; JSON escapes them, but be safe on odd locales.
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace") \
            if hasattr(sys.stdout, "reconfigure") else None
    for path in files:
        try:
            co = load(path)
            records = []
            if want_text:
                records.append({"file": path, "kind": "text",
                                "text": text_value(text_of(co))})
            if want_code:
                for c in walk(co):
                    records.append(code_record(path, c))
        except Exception as e:  # one bad file must not stop the batch
            records = [{"file": path, "kind": "error",
                        "error": text_value("%s: %s" % (type(e).__name__, e))}]
        for r in records:
            emit(r)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
