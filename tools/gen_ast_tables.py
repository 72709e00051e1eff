#!/usr/bin/env python3
"""Record the node classes of each CPython's `_ast` module as data for xpython's `_ast`.

For every installed CPython 3.6-3.13 (~/.pyenv/versions/3.X.*/bin/python), this asks its
`_ast` module for: the module name its classes report (`__module__`), its integer
constants (`PyCF_ONLY_AST`...), and for every class derived from `AST`, in definition
order (bases before subclasses): name, base, `_fields`, `_attributes`, the fields and
attributes that are None on the class (optional ones, 3.8+), and for 3.13 how the
constructor fills each omitted field (`list`: [], `opt`: None, `ctx`: Load(), `req`:
nothing). It writes src/modules/ast/tables.json, which `_ast` reads at import.

Usage: tools/gen_ast_tables.py   (runs with any Python 3; idempotent)
"""

import glob
import json
import os
import subprocess

PROBE = r'''
import _ast, json, types
out = {"constants": {}, "classes": []}
for n in dir(_ast):
    v = getattr(_ast, n)
    if isinstance(v, int) and not isinstance(v, bool):
        out["constants"][n] = v
out["module"] = _ast.AST.__module__
seen = set()
def visit(c):
    if c in seen:
        return
    seen.add(c)
    if c is not _ast.AST:
        visit(c.__bases__[0])
    fields = list(getattr(c, "_fields", ()))
    attrs = list(getattr(c, "_attributes", ()))
    none = [f for f in fields + attrs if f in vars(c) and vars(c)[f] is None]
    kinds = []
    ft = getattr(c, "_field_types", None)
    if ft is not None:
        for f in fields:
            t = ft.get(f)
            if isinstance(t, types.GenericAlias) and t.__origin__ is list:
                kinds.append("list")
            elif isinstance(t, types.UnionType) and type(None) in t.__args__:
                kinds.append("opt")
            elif t is _ast.expr_context:
                kinds.append("ctx")
            else:
                kinds.append("req")
    base = None if c is _ast.AST else c.__bases__[0].__name__
    out["classes"].append([c.__name__, base, fields, attrs, none, kinds])
for n in dir(_ast):
    v = getattr(_ast, n)
    if isinstance(v, type) and issubclass(v, _ast.AST) and v.__name__ == n:
        visit(v)
print(json.dumps(out))
'''


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    tables = {}
    for minor in range(6, 14):
        found = sorted(glob.glob(f"{pyenv}/versions/3.{minor}.*/bin/python"))
        if not found:
            print(f"3.{minor}: no interpreter, skipped")
            continue
        r = subprocess.run([found[-1], "-I", "-c", PROBE], capture_output=True, text=True,
                           check=True)
        tables[f"3.{minor}"] = json.loads(r.stdout)
        print(f"3.{minor}: {len(tables[f'3.{minor}']['classes'])} classes")
    path = os.path.join(root, "src", "modules", "ast", "tables.json")
    text = json.dumps(tables, indent=0, sort_keys=True) + "\n"
    old = open(path).read() if os.path.exists(path) else None
    if old != text:
        with open(path, "w") as f:
            f.write(text)
        print("wrote", path)


if __name__ == "__main__":
    main()
