#!/usr/bin/env python
"""Print the opcode facts of the running CPython as JSON.

Run it with each real interpreter, e.g.

    ~/.pyenv/versions/3.9.18/bin/python tools/extract_facts.py > tests/data/facts/3.9.json

Everything printed is read from the interpreter itself (the `opcode`, `dis`, `marshal`
and import machinery); nothing about opcodes is written here.  The script is single-source
Python 2.7 / 3.6+ on purpose: keep it that way (no f-strings, no keyword-only args).

Stack effects: `dis.stack_effect` is sampled for every real opcode (< 256) at the opargs
in SAMPLE_OPARGS (or once without an oparg for opcodes that take none).  From 3.8 the
jump / no-jump effects are recorded too.  A ValueError is recorded as null.  Python 2.7
has no `dis.stack_effect`: its samples are left null here and filled from CPython's
compile.c by tools/facts_from_reference.py.
"""
from __future__ import print_function

import dis
import json
import marshal
import opcode
import sys

SAMPLE_OPARGS = list(range(17)) + [256, 257, 258, 512, 513, 65536, 65793]


def magic_number():
    try:
        import importlib.util
        raw = importlib.util.MAGIC_NUMBER
    except ImportError:  # Python 2
        import imp
        raw = imp.get_magic()
    raw = bytearray(raw)
    return raw[0] | (raw[1] << 8), " ".join("%02x" % b for b in raw)


def op_names():
    """number -> name for every entry of opmap (pseudo opcodes included)."""
    return dict((num, name) for name, num in opcode.opmap.items())


def name_list(nums, names):
    out = []
    for n in sorted(set(nums)):
        out.append(names.get(n, "<%d>" % n))
    return out


def has_arg(num):
    if hasattr(opcode, "hasarg"):
        return num in opcode.hasarg
    return num >= opcode.HAVE_ARGUMENT


def effect(num, oparg, jump):
    try:
        if oparg is None:
            if jump is None:
                return dis.stack_effect(num)
            return dis.stack_effect(num, jump=jump)
        if jump is None:
            return dis.stack_effect(num, oparg)
        return dis.stack_effect(num, oparg, jump=jump)
    except ValueError:
        return None


def samples(with_jump):
    out = {}
    for name, num in sorted(opcode.opmap.items()):
        if num >= 256:
            continue
        per_arg = {}
        opargs = SAMPLE_OPARGS if has_arg(num) else [None]
        for oparg in opargs:
            rec = {"any": effect(num, oparg, None)}
            if with_jump:
                rec["jump"] = effect(num, oparg, True)
                rec["nojump"] = effect(num, oparg, False)
            per_arg["noarg" if oparg is None else str(oparg)] = rec
        out[name] = per_arg
    return out


def cache_entries(names):
    ice = getattr(opcode, "_inline_cache_entries", None)
    if ice is None:
        return None
    out = {}
    if isinstance(ice, dict):
        items = ice.items()
    else:
        items = [(names.get(i), n) for i, n in enumerate(ice)]
    for name, n in items:
        if name is not None and name in opcode.opmap and n:
            out[name] = n
    return out


def main():
    names = op_names()
    magic, magic_bytes = magic_number()
    facts = {
        "python": "%d.%d.%d" % tuple(sys.version_info[:3]),
        "version": "%d.%d" % tuple(sys.version_info[:2]),
        "magic": magic,
        "magic_bytes": magic_bytes,
        "marshal_version": marshal.version,
        "opmap": dict(opcode.opmap),
        "HAVE_ARGUMENT": opcode.HAVE_ARGUMENT,
        "EXTENDED_ARG": opcode.EXTENDED_ARG,
        "cmp_op": list(opcode.cmp_op),
        "source": "interpreter",
    }
    for attr in sorted(dir(opcode)):
        if attr.startswith("has") and isinstance(getattr(opcode, attr), list):
            facts[attr] = name_list(getattr(opcode, attr), names)
    for attr in ("MIN_INSTRUMENTED_OPCODE", "MIN_PSEUDO_OPCODE", "MAX_PSEUDO_OPCODE"):
        if hasattr(opcode, attr):
            facts[attr] = getattr(opcode, attr)
    if hasattr(opcode, "_nb_ops"):
        facts["_nb_ops"] = [list(pair) for pair in opcode._nb_ops]
    for attr in ("_intrinsic_1_descs", "_intrinsic_2_descs"):
        if hasattr(opcode, attr):
            facts[attr] = list(getattr(opcode, attr))
    ice = cache_entries(names)
    if ice is not None:
        facts["_inline_cache_entries"] = ice
    specialized = None
    if hasattr(opcode, "_specialized_opmap"):
        specialized = sorted(opcode._specialized_opmap)
    elif hasattr(opcode, "_specialized_instructions"):
        specialized = sorted(opcode._specialized_instructions)
    if specialized is not None:
        facts["specialized"] = specialized
    if hasattr(dis, "stack_effect"):
        with_jump = sys.version_info >= (3, 8)
        facts["stack_effect_source"] = "dis.stack_effect %s" % facts["python"]
        facts["stack_effect_has_jump"] = with_jump
        facts["stack_effect_samples"] = samples(with_jump)
    else:
        facts["stack_effect_source"] = None
        facts["stack_effect_has_jump"] = False
        facts["stack_effect_samples"] = None
    facts["sample_opargs"] = SAMPLE_OPARGS
    print(json.dumps(facts, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
