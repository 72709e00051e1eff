#!/usr/bin/env python3
"""Check spec/*.toml against tests/data/facts/*.json without building anything.

The same checks as tests/spec_facts.rs (which runs them through the generator), for quick
use while editing the spec:  python3 tools/check_spec.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spec_lib import (check_stack, fact_has_arg, load_facts, load_spec_files, real_ops,  # noqa: E402
                      resolve, samples_of, vkey)

# which has* list an argument kind must be in (and every member of the list must have
# one of the kinds that map to it)
KIND_LIST = {
    "const": "hasconst", "name": "hasname", "global": "hasname", "attr": "hasname",
    "super_attr": "hasname", "local": "haslocal", "local_pair": "haslocal", "free": "hasfree",
    "jrel": "hasjrel", "jback": "hasjrel", "jabs": "hasjabs", "compare": "hascompare",
}


def check_version(v, spec, facts, handlers):
    errs = []
    ver = spec["version"]
    ops = spec["ops"]
    for field, fact in (("magic", "magic"), ("magic_range", "magic_range"),
                        ("marshal_version", "marshal_version"), ("have_argument", "HAVE_ARGUMENT")):
        if ver.get(field) != facts.get(fact):
            errs.append("version field %s = %r, facts say %r" % (field, ver.get(field), facts.get(fact)))
    if ver.get("cmp_ops") != facts["cmp_op"]:
        errs.append("cmp_ops differ from cmp_op")
    if "_nb_ops" in facts and ver.get("binary_ops") != facts["_nb_ops"]:
        errs.append("binary_ops differ from _nb_ops")
    real = real_ops(facts)
    for name in sorted(set(real) - set(ops)):
        errs.append("%s: in opmap (%d), missing from the spec" % (name, real[name]))
    for name in sorted(set(ops) - set(real)):
        errs.append("%s: in the spec, not in opmap" % name)
    caches = facts.get("_inline_cache_entries") or {}
    for name in sorted(set(ops) & set(real)):
        op = ops[name]
        where = "%s %s" % (v, name)
        if op["num"] != real[name]:
            errs.append("%s: num %d, opmap %d" % (where, op["num"], real[name]))
        kind = op["arg"]
        has = fact_has_arg(facts, name)
        if (kind != "none") != has:
            errs.append("%s: arg %r but the opcode %s an argument" % (where, kind, "takes" if has else "takes no"))
        if kind == "extended_arg" and real[name] != facts["EXTENDED_ARG"]:
            errs.append("%s: arg extended_arg but EXTENDED_ARG is %d" % (where, facts["EXTENDED_ARG"]))
        if real[name] == facts["EXTENDED_ARG"] and kind != "extended_arg":
            errs.append("%s: EXTENDED_ARG must have arg extended_arg" % where)
        for k, lst in KIND_LIST.items():
            if lst not in facts:
                continue
            inlist = name in facts[lst]
            kinds_of_list = [kk for kk, ll in KIND_LIST.items() if ll == lst]
            if inlist and kind not in kinds_of_list:
                errs.append("%s: in %s but arg is %r" % (where, lst, kind))
                break
            if kind == k and not inlist:
                errs.append("%s: arg %r but not in %s" % (where, kind, lst))
                break
        if op.get("cache", 0) != caches.get(name, 0):
            errs.append("%s: cache %d, _inline_cache_entries %d" % (where, op.get("cache", 0), caches.get(name, 0)))
        if op["handler"] not in handlers:
            errs.append("%s: handler %r not in handlers.toml" % (where, op["handler"]))
        if not op.get("doc", "").startswith("(") or " -- " not in op["doc"].split(")")[0] + " ":
            if not op.get("doc", "").startswith("(--") and not op.get("doc", "").startswith("("):
                errs.append("%s: doc does not start with a stack picture" % where)
        for p in check_stack(op["stack"], op.get("stack_jump"), samples_of(facts, name)):
            errs.append("%s: %s" % (where, p))
    return errs


def main():
    facts = load_facts()
    files = load_spec_files()
    import tomllib
    with open(os.path.join(os.path.dirname(__file__), "..", "spec", "handlers.toml"), "rb") as f:
        handlers = tomllib.load(f)
    spec = resolve(files)
    n = 0
    for v in sorted(facts, key=vkey):
        if v not in spec:
            print("%s: no spec file" % v)
            n += 1
            continue
        for e in check_version(v, spec[v], facts[v], handlers):
            print("%s: %s" % (v, e))
            n += 1
    print("%d problem(s)" % n)
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
