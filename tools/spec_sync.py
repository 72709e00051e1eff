#!/usr/bin/env python3
"""Write spec/<X.Y>.toml for every version from tests/data/facts/<X.Y>.json.

    python3 tools/spec_sync.py            # rewrite every version file
    python3 tools/spec_sync.py --check    # only report what would change (exit 1 if any)
    python3 tools/spec_sync.py --version 3.9   # refresh from the interpreter first

Each version file inherits from the previous one and holds only what changed, so it reads
as "what this version changed".  What comes from the facts is rewritten: the opcode set,
numbers, inline caches, stack-effect formulas (kept when they still reproduce every
sample, refitted otherwise), and the version fields magic, marshal_version,
have_argument, cmp_ops, binary_ops, intrinsics_1/2.  Everything else is hand-written and
kept: doc, handler, method_load/method_call, not_in_pyc, argument kinds that agree with the facts, formulas that
agree with the facts, and the version fields that no interpreter reports (magic_range,
header_size, code_layout, encoding, jumps, line and exception tables, compare_shift,
superinstructions).

This script knows no opcode: names and numbers come from the facts and from spec/.
"""
import argparse
import itertools
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spec_lib import (FACTS_DIR, SPEC_DIR, check_stack, fact_has_arg, formula_check,  # noqa: E402
                      formula_eval, load_facts, load_spec_files, real_ops, resolve,
                      samples_of, vkey)

PYENV = os.path.expanduser("~/.pyenv/versions")

# ---------------------------------------------------------------------------------------
# argument kinds: which has* list each kind implies (the facts must agree)

KIND_LIST = {
    "const": "hasconst", "name": "hasname", "global": "hasname", "attr": "hasname",
    "super_attr": "hasname", "local": "haslocal", "local_pair": "haslocal", "free": "hasfree",
    "jrel": "hasjrel", "jback": "hasjrel", "jabs": "hasjabs", "compare": "hascompare",
}
PLAIN_KINDS = {"count", "flags", "binary_op", "format_value", "convert_value", "func_attr",
               "intrinsic_1", "intrinsic_2"}
ALL_KINDS = set(KIND_LIST) | PLAIN_KINDS | {"none", "extended_arg"}


def fact_lists(facts, name):
    return set(k for k in facts if k.startswith("has") and k not in ("hasarg", "hasnargs", "hasjump", "hasexc")
               and isinstance(facts[k], list) and name in facts[k])


def default_arg(facts, name):
    if facts["opmap"][name] == facts["EXTENDED_ARG"]:
        return "extended_arg"
    if not fact_has_arg(facts, name):
        return "none"
    lists = fact_lists(facts, name)
    for kind in ("const", "name", "local", "free", "jrel", "jabs", "compare"):
        if KIND_LIST[kind] in lists:
            return kind
    return "count"


def arg_agrees(facts, name, kind):
    if kind not in ALL_KINDS:
        return False
    has = fact_has_arg(facts, name)
    if kind == "extended_arg":
        return facts["opmap"][name] == facts["EXTENDED_ARG"]
    if kind == "none":
        return not has
    if not has:
        return False
    lists = fact_lists(facts, name)
    if kind in KIND_LIST:
        return KIND_LIST[kind] in lists
    # a plain number: the op must be in none of the kinds' lists, except that haslocal /
    # hasfree / hasconst quirks (LOAD_CLOSURE & co.) are allowed to stay explicit
    return not (lists & {"hasjrel", "hasjabs", "hascompare", "hasname", "hasconst"})


# ---------------------------------------------------------------------------------------
# formula fitting

FEATURES = [  # (text as a term, function); texts are parenthesised unless atomic
    ("oparg", lambda o: o),
    ("(oparg & 1)", lambda o: o & 1),
    ("(oparg & 255)", lambda o: o & 255),
    ("(oparg >> 8)", lambda o: o >> 8),
    ("((oparg >> 8) & 255)", lambda o: (o >> 8) & 255),
    ("popcount(oparg & 15)", lambda o: bin(o & 15).count("1")),
    ("((oparg >> 2) & 1)", lambda o: (o >> 2) & 1),
    ("(oparg == 3)", lambda o: int(o == 3)),
    ("(oparg >> 16)", lambda o: o >> 16),
    ("(oparg >> 1)", lambda o: o >> 1),
]
COEFFS = [-1, 1, -2, 2, -3, 3]


def render(c, terms):
    """c + sum(k * text) as a readable formula."""
    if len(terms) == 1 and terms[0][1] == "(oparg == 3)":
        k = terms[0][0]
        return "oparg == 3 ? %d : %d" % (c + k, c)
    parts = []
    for k, text in terms:
        mag = abs(k)
        body = text if mag == 1 else "%d * %s" % (mag, text)
        parts.append(("-" if k < 0 else "+", body))
    if not parts:
        return str(c)
    if c < 0 and parts[0][0] == "+":  # "oparg - 1" reads better than "-1 + oparg"
        out = parts[0][1]
        for sign, body in parts[1:]:
            out += " %s %s" % (sign, body)
        return out + " - %d" % -c
    if c != 0:
        out = str(c)
        for sign, body in parts:
            out += " %s %s" % (sign, body)
        return out
    sign, body = parts[0]
    if sign == "-":
        if body.startswith("("):
            out = "-" + body
        elif body == "oparg" or body.startswith("popcount"):
            out = "-" + body
        else:
            out = "-(" + body + ")"
    else:
        out = body[1:-1] if (body.startswith("(") and body.endswith(")") and len(parts) == 1
                              and body.count("(") == 1) else body
    for sign, body in parts[1:]:
        out += " %s %s" % (sign, body)
    return out


def fit(points):
    """A formula reproducing points [(oparg, value)] exactly, or None."""
    points = [(o, v) for o, v in points if v is not None]
    if not points:
        return None
    vecs = [[f(o) for o, _ in points] for _, f in FEATURES]
    vals = [v for _, v in points]
    for nterms in range(0, 4):
        for idx in itertools.combinations(range(len(FEATURES)), nterms):
            for ks in itertools.product(COEFFS if nterms < 3 else [-1, 1, -2, 2], repeat=nterms):
                c = vals[0] - sum(k * vecs[i][0] for k, i in zip(ks, idx))
                if all(c + sum(k * vecs[i][n] for k, i in zip(ks, idx)) == vals[n]
                       for n in range(1, len(vals))):
                    text = render(c, [(k, FEATURES[i][0]) for k, i in zip(ks, idx)])
                    formula_check(text)
                    assert all(formula_eval(text, o) == v for o, v in points), text
                    return text
    return None


def fit_pair(recs):
    """(stack, stack_jump or None) for the samples, or None when nothing fits."""
    pts = [(0 if o is None else o, r) for o, r in recs]
    if any("nojump" in r for _, r in pts):
        s = fit([(o, r["nojump"]) for o, r in pts])
        j = fit([(o, r["jump"]) for o, r in pts])
        if s is None or j is None:
            return None
        return (s, None if s == j else j)
    s = fit([(o, r.get("any")) for o, r in pts])
    return None if s is None else (s, None)


# ---------------------------------------------------------------------------------------
# version-level defaults, used only when no spec file says otherwise (bytecode-formats.md)


def era_defaults(v):
    k = vkey(v)
    return {
        "header_size": 8 if k <= (3, 2) else 12 if k <= (3, 6) else 16,
        "code_layout": ("py2" if k < (3, 0) else "py30" if k < (3, 8) else "py38" if k < (3, 10)
                        else "py310" if k < (3, 11) else "py311"),
        "encoding": "variable" if k < (3, 6) else "wordcode",
        "extended_arg_shift": 16 if k < (3, 6) else 8,
        "jump_unit": 1 if k < (3, 10) else 2,
        "jump_base": "next" if k < (3, 11) else "after_caches",
        "linetable": ("lnotab" if k < (3, 6) else "lnotab_signed" if k < (3, 10)
                      else "linetable" if k < (3, 11) else "locations"),
        "exceptions": "block_stack" if k < (3, 11) else "table",
        "compare_shift": 4 if k == (3, 12) else 5 if k >= (3, 13) else 0,
    }


def default_parent(v, versions):
    k = vkey(v)
    older = [w for w in versions if vkey(w) < k and (vkey(w)[0] == k[0] or k == (3, 0))]
    if k == (3, 0):
        older = [w for w in versions if vkey(w) <= (2, 6)]
    return max(older, key=vkey) if older else None


def handler_name(op):
    return "".join(ch if ch.isalnum() else "_" for ch in op.lower()).strip("_")


# ---------------------------------------------------------------------------------------


def order_versions(parents):
    out, seen = [], set()

    def visit(v):
        if v in seen:
            return
        if parents.get(v):
            visit(parents[v])
        seen.add(v)
        out.append(v)

    for v in sorted(parents, key=vkey):
        visit(v)
    return out


def build(facts, old, warnings, reset_era=False):
    versions = sorted(facts, key=vkey)
    parents = {}
    for v in versions:
        if v in old:
            parents[v] = old[v]["inherits"]
        else:
            parents[v] = default_parent(v, versions)
    # formulas seen with jump information, per opcode name: hints for the older versions
    hints = {}
    for v in versions:
        for name in real_ops(facts[v]):
            recs = samples_of(facts[v], name)
            if recs and any("nojump" in r for _, r in recs):
                pair = fit_pair(recs)
                if pair and pair[1] is not None:
                    hints.setdefault(name, []).append(pair)
    new = {}
    for v in order_versions(parents):
        f = facts[v]
        p = parents[v]
        pnew = new[p] if p else {"version": {}, "ops": {}}
        oldv = old.get(v, {"version": {}, "ops": {}})
        ver = {"id": v}
        for k, val in era_defaults(v).items():
            # the spec's value (hand-written or inherited) wins; the era default only
            # fills a version the spec does not have yet (or all, with --reset-era-fields)
            ver[k] = val if reset_era else oldv["version"].get(k, val)
        ver["magic"] = f["magic"]
        ver["magic_range"] = oldv["version"].get("magic_range", f.get("magic_range"))
        ver["marshal_version"] = f["marshal_version"]
        ver["have_argument"] = f["HAVE_ARGUMENT"]
        ver["cmp_ops"] = list(f["cmp_op"])
        if "_nb_ops" in f:
            ver["binary_ops"] = [list(x) for x in f["_nb_ops"]]
        if "_intrinsic_1_descs" in f:
            ver["intrinsics_1"] = list(f["_intrinsic_1_descs"])
            ver["intrinsics_2"] = list(f["_intrinsic_2_descs"])
        samples = f.get("stack_effect_samples")
        if samples and str(f.get("stack_effect_source", "")).startswith("dis.stack_effect"):
            # Opcodes dis.stack_effect refuses (recorded as null) at every sampled oparg.
            ver["stack_effect_rejects"] = sorted(
                name for name, cases in samples.items()
                if all(x is None or str(x).startswith("ERR")
                       for case in cases.values() for x in case.values()))
        # Hand-written and kept: the version's own list, else its parent's (inherited).
        if "superinstructions" in oldv["version"]:
            ver["superinstructions"] = oldv["version"]["superinstructions"]
        elif "superinstructions" in pnew["version"]:
            ver["superinstructions"] = pnew["version"]["superinstructions"]
        caches = f.get("_inline_cache_entries") or {}
        ops = {}
        for name, num in sorted(real_ops(f).items(), key=lambda kv: kv[1]):
            o_old = oldv["ops"].get(name, {})
            o_par = pnew["ops"].get(name, {})
            op = {"num": num}
            arg = None
            for cand, hand in ((o_old.get("arg"), o_old is not o_par and "arg" in o_old
                                and o_old.get("arg") != o_par.get("arg")), (o_par.get("arg"), False)):
                if cand is None:
                    continue
                if arg_agrees(f, name, cand):
                    arg = cand
                    break
                if hand:
                    warnings.append("%s %s: arg %r disagrees with the facts, using %r"
                                    % (v, name, cand, default_arg(f, name)))
            op["arg"] = arg or default_arg(f, name)
            op["cache"] = caches.get(name, 0)
            recs = samples_of(f, name)
            pair = None
            cands = []
            for src in (o_old, o_par):
                if "stack" in src:
                    cands.append((src["stack"], src.get("stack_jump")))
            cands += hints.get(name, [])
            no_arg = op["arg"] in ("none", "extended_arg")
            for s, j in cands:
                if no_arg and ("oparg" in s or (j is not None and "oparg" in j)):
                    continue
                if not check_stack(s, j, recs):
                    pair = (s, j)
                    break
            if pair is None:
                pair = fit_pair(recs) if recs else None
                if pair is None:
                    pair = cands[0] if cands else ("0", None)
                    if any(r.get("any") is not None or r.get("nojump") is not None for _, r in recs):
                        warnings.append("%s %s: no formula fits the samples" % (v, name))
            op["stack"] = pair[0]
            if pair[1] is not None and pair[1] != pair[0]:
                op["stack_jump"] = pair[1]
            op["handler"] = o_old.get("handler", o_par.get("handler", handler_name(name)))
            # The method-call forms (hand-written) are kept; a version inherits its
            # parent's unless it changes the handler (as the spec loader reads them).
            for form in ("method_load", "method_call"):
                if form in o_old:
                    op[form] = o_old[form]
                elif form in o_par and op["handler"] == o_par.get("handler"):
                    op[form] = o_par[form]
            op["doc"] = o_old.get("doc", o_par.get("doc", "TODO"))
            nip = o_old.get("not_in_pyc", o_par.get("not_in_pyc"))
            if nip is None:
                nip = "MIN_INSTRUMENTED_OPCODE" in f and num >= f["MIN_INSTRUMENTED_OPCODE"]
            op["not_in_pyc"] = bool(nip)
            ops[name] = op
        new[v] = {"version": ver, "ops": ops, "inherits": p}
    return new, parents


# ---------------------------------------------------------------------------------------
# TOML output


def tstr(s):
    return json.dumps(s, ensure_ascii=False)


def tval(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, str):
        return tstr(x)
    if isinstance(x, list):
        if x and isinstance(x[0], list):
            return "[\n" + "".join("  %s,\n" % tval(e) for e in x) + "]"
        inner = ", ".join(tval(e) for e in x)
        if len(inner) > 80:
            return "[\n" + "".join("  %s,\n" % tval(e) for e in x) + "]"
        return "[" + inner + "]"
    raise TypeError(x)


def tkey(name):
    return name if all(ch.isalnum() or ch in "_-" for ch in name) else tstr(name)


VERSION_ORDER = ["id", "inherits", "magic", "magic_range", "header_size", "marshal_version",
                 "code_layout", "encoding", "have_argument", "extended_arg_shift", "jump_unit",
                 "jump_base", "linetable", "exceptions", "compare_shift", "cmp_ops",
                 "binary_ops", "intrinsics_1", "intrinsics_2", "stack_effect_rejects",
                 "superinstructions"]
OP_ORDER = ["num", "arg", "cache", "stack", "stack_jump", "handler", "method_load",
            "method_call", "not_in_pyc", "doc"]


def render_file(v, new, parents):
    cur = new[v]
    p = parents[v]
    par = new[p] if p else None
    out = []
    if par:
        out.append("# Python %s: what changed from %s." % (v, p))
    else:
        out.append("# Python %s: the root of the spec, every opcode in full." % v)
    out.append("# Numbers, caches and stack effects are refreshed from tests/data/facts by")
    out.append("# tools/spec_sync.py; doc, handler and the rest are hand-written and kept.")
    out.append("")
    out.append("[version]")
    for k in VERSION_ORDER:
        if k == "inherits":
            if p:
                out.append("inherits = %s" % tstr(p))
            continue
        if k not in cur["version"]:
            continue
        val = cur["version"][k]
        if par and k != "id" and par["version"].get(k) == val:
            continue
        out.append("%s = %s" % (k, tval(val)))
    pops = par["ops"] if par else {}
    for name, op in sorted(cur["ops"].items(), key=lambda kv: kv[1]["num"]):
        po = pops.get(name)
        lines = []
        for k in OP_ORDER:
            val = op.get(k)
            if po is None:
                if k == "cache" and not val:
                    continue
                if k == "not_in_pyc" and not val:
                    continue
                if val is None:
                    continue
                lines.append("%s = %s" % (k, tval(val)))
                continue
            pval = po.get(k)
            if k == "stack_jump":
                if val == pval:
                    continue
                if val is None:  # the parent's jump formula no longer applies
                    lines.append("stack_jump = %s" % tval(op["stack"]))
                    continue
            if k in ("cache",):
                if (val or 0) == (pval or 0):
                    continue
            if k == "not_in_pyc":
                if bool(val) == bool(pval):
                    continue
            if k in ("method_load", "method_call") and val is None:
                continue  # a changed handler has no inherited forms
            if val == pval:
                continue
            lines.append("%s = %s" % (k, tval(val)))
        if lines:
            out.append("")
            out.append("[op.%s]" % tkey(name))
            out.extend(lines)
    for name in sorted(set(pops) - set(cur["ops"]), key=lambda n: pops[n]["num"]):
        out.append("")
        out.append("[op.%s]" % tkey(name))
        out.append("removed = true")
    return "\n".join(out) + "\n"


def normalise(resolved):
    """Resolved old spec in the shape build() produces (stack_jump == stack dropped)."""
    for data in resolved.values():
        for op in data["ops"].values():
            if "stack_jump" in op and op["stack_jump"] == op.get("stack"):
                del op["stack_jump"]
    return resolved


def refresh_version(version):
    for d in sorted(os.listdir(PYENV)):
        if d.startswith(version + "."):
            exe = os.path.join(PYENV, d, "bin", "python")
            out = subprocess.run([exe, os.path.join(os.path.dirname(__file__), "extract_facts.py")],
                                 check=True, capture_output=True).stdout
            fresh = json.loads(out)
            path = os.path.join(FACTS_DIR, version + ".json")
            if os.path.exists(path):
                # keep what the interpreter cannot report: the magic range (from
                # bytecode-formats.md) and, for 2.7, the compile.c-derived stack effects
                # (tools/facts_from_reference.py --fill)
                with open(path) as f:
                    before = json.load(f)
                if "magic_range" in before:
                    fresh["magic_range"] = before["magic_range"]
                if fresh.get("stack_effect_samples") is None and before.get("stack_effect_samples"):
                    for k in ("stack_effect_samples", "stack_effect_source", "stack_effect_has_jump",
                              "stack_effect_overrides", "stackdepth_walk_adjust"):
                        if k in before:
                            fresh[k] = before[k]
            with open(path, "w") as f:
                json.dump(fresh, f, indent=1, sort_keys=True)
                f.write("\n")
            print("refreshed facts of %s from %s" % (version, exe), file=sys.stderr)
            return
    raise SystemExit("no interpreter for %s under %s" % (version, PYENV))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    ap.add_argument("--reset-era-fields", action="store_true",
                    help="set header_size, code_layout, encoding, jumps, line/exception tables and "
                         "compare_shift of every version from bytecode-formats.md's rules")
    ap.add_argument("--version", action="append", default=[],
                    help="re-extract this version's facts from its interpreter first")
    args = ap.parse_args()
    for v in args.version:
        refresh_version(v)
    facts = load_facts()
    old = normalise(resolve(load_spec_files())) if os.path.isdir(SPEC_DIR) else {}
    warnings = []
    new, parents = build(facts, old, warnings, args.reset_era_fields)
    changed = []
    for v in sorted(new, key=vkey):
        text = render_file(v, new, parents)
        path = os.path.join(SPEC_DIR, "%s.toml" % v)
        cur = open(path).read() if os.path.exists(path) else None
        if cur != text:
            changed.append(path)
            if not args.check:
                with open(path, "w") as fh:
                    fh.write(text)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for path in changed:
        print(("would change " if args.check else "wrote ") + os.path.relpath(path), file=sys.stderr)
    if args.check and changed:
        sys.exit(1)


if __name__ == "__main__":
    main()
