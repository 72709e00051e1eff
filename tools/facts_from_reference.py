#!/usr/bin/env python3
"""Build tests/data/facts/<X.Y>.json for the CPython versions we have no interpreter for.

    python3 tools/facts_from_reference.py \
        --reference /work/shared/reference \
        --cpython-git /path/to/a/cpython/clone/.git \
        --out tests/data/facts

Sources, per fact:

* opmap, HAVE_ARGUMENT, EXTENDED_ARG, cmp_op and the has* lists: the xdis dumps
  `opcode-tables/xdis-<X.Y>.json` (their numbers equal CPython's).  Only the has* lists
  that CPython's own `Lib/opcode.py` of that version defines are kept (hasnargs from
  3.3); when a CPython clone is given, every list is cross-checked against that
  version's `Lib/opcode.py` and a mismatch is an error.
* magic and magic range: the table in `bytecode-formats.md`.
* marshal version: `Include/marshal.h` (Py_MARSHAL_VERSION) of that version.
* stack effects: CPython's own `Python/compile.c` of that version.  Its
  `opcode_stack_effect` (`PyCompile_OpcodeStackEffect` in 3.4-3.5) switch is parsed and
  evaluated for every opcode at the sample opargs ("any": what the compiler adds for the
  instruction; null where the function has no case for the opcode).  Where the version's
  `stackdepth_walk` corrects the depth on the jump edge or on the fall-through edge of
  some jumps, the corrected values are recorded too, as "walk_jump" / "walk_nojump".
  2.4 predates both functions (its compiler counts depth by hand, com_push/com_pop):
  see compile_c_overrides.json beside this script for how its samples are derived.

It also fills the stack effects of an interpreter-made facts file that has none
(Python 2.7 has no dis.stack_effect): `--fill tests/data/facts/2.7.json`.

No opcode name or number is written in this script: they all come from the sources.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Which git revision of CPython holds each version's final sources.  Branch names of the
# hg-era mirrors; override with --ref X.Y=REV (for instance for 3.5, whose branch some
# mirrors lack: any commit of the 3.5 maintenance line after 3.5.1 will do).
DEFAULT_REFS = {
    "2.4": "origin/2.4", "2.5": "origin/2.5", "2.6": "origin/2.6", "2.7": "origin/2.7",
    "3.0": "origin/3.0", "3.1": "origin/3.1", "3.2": "origin/3.2", "3.3": "origin/3.3",
    "3.4": "origin/3.4", "3.5": "origin/3.5",
}
VERSIONS = ["2.4", "2.5", "2.6", "3.0", "3.1", "3.2", "3.3", "3.4", "3.5"]
SAMPLE_OPARGS = list(range(17)) + [256, 257, 258, 512, 513, 65536, 65793]


def vkey(v):
    return tuple(int(x) for x in v.split("."))


# ---------------------------------------------------------------------------------------
# bytecode-formats.md: the magic table


def magic_table(reference):
    """{ "3.5": {"range": [3320, 3351], "final": 3351}, ... } from the markdown table."""
    text = open(os.path.join(reference, "bytecode-formats.md"), encoding="utf-8").read()
    out = {}
    for line in text.splitlines():
        m = re.match(r"\|\s*(\d\.\d+)\s*\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|\s*(.*?)\s*\|\s*$", line)
        if not m:
            continue
        ver, lo, hi, final = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
        finals = [int(x) for x in re.findall(r"\d{4,5}", final)]
        out[ver] = {"range": [lo, hi], "final": max(finals), "note": final}
    return out


# ---------------------------------------------------------------------------------------
# reading a CPython clone


class Git:
    def __init__(self, gitdir, refs):
        self.gitdir = gitdir
        self.refs = refs

    def show(self, version, path):
        ref = self.refs[version]
        return subprocess.run(["git", "--git-dir", self.gitdir, "show", "%s:%s" % (ref, path)],
                              check=True, capture_output=True).stdout.decode("latin-1")

    def describe(self, version):
        ref = self.refs[version]
        sha = subprocess.run(["git", "--git-dir", self.gitdir, "rev-parse", "--short=12", ref],
                             check=True, capture_output=True).stdout.decode().strip()
        patch = self.show(version, "Include/patchlevel.h")
        m = re.search(r'#define\s+PY_VERSION\s+"([^"]+)"', patch)
        return "%s (%s)" % (m.group(1) if m else version, sha)


def strip_comments(src):
    return re.sub(r"/\*.*?\*/", " ", src, flags=re.S)


def c_function(src, names):
    """The body (text between the outer braces) of the first function called one of names."""
    for name in names:
        m = re.search(r"^%s\s*\([^)]*\)\s*\{" % re.escape(name), src, flags=re.M)
        if m:
            break
    else:
        return None
    i = m.end()
    depth = 1
    while depth:
        if src[i] == "{":
            depth += 1
        elif src[i] == "}":
            depth -= 1
        i += 1
    return src[m.end():i - 1]


def c_expr_to_py(expr, macros):
    """Translate the small C expressions found in opcode_stack_effect into Python."""
    expr = expr.strip()
    # expand function-like macros (NARGS(o) and friends), innermost first
    changed = True
    while changed:
        changed = False
        for name, (param, body) in macros.items():
            m = re.search(r"\b%s\s*\(" % name, expr)
            if not m:
                continue
            depth, j = 1, m.end()
            while depth:
                depth += {"(": 1, ")": -1}.get(expr[j], 0)
                j += 1
            arg = expr[m.end():j - 1]
            expanded = re.sub(r"\b%s\b" % param, "(%s)" % arg, body)
            expr = expr[:m.start()] + "(" + expanded + ")" + expr[j:]
            changed = True
    expr = expr.replace("/", "//")
    if re.search(r"[^\w\s()+\-*/%&|<>=!^~]", expr.replace("//", "")):
        raise ValueError("unsupported C expression: %r" % expr)
    expr = expr.replace("!=", " __NE__ ").replace("!", " not ").replace(" __NE__ ", "!=")
    return expr


def parse_stack_effect_switch(body):
    """{case label: python expression} from the opcode switch of opcode_stack_effect."""
    macros = {}
    effects = {}
    pending = []
    lines = body.splitlines()
    text = []
    for line in lines:  # preprocessor lines first: they are line based
        m = re.match(r"\s*#\s*define\s+(\w+)\((\w+)\)\s+(.*)$", line)
        if m:
            text.append("\x00DEFINE %s %s %s\x00" % (m.group(1), m.group(2), m.group(3)))
            continue
        m = re.match(r"\s*#\s*undef\s+(\w+)", line)
        if m:
            text.append("\x00UNDEF %s\x00" % m.group(1))
            continue
        if re.match(r"\s*#", line):
            continue
        text.append(line)
    src = "\n".join(text)
    token_re = re.compile(
        r"\x00DEFINE (\w+) (\w+) ([^\x00]*)\x00"
        r"|\x00UNDEF (\w+)\x00"
        r"|case\s+([A-Z_0-9]+(?:\s*\+\s*\d+)?)\s*:"
        r"|default\s*:"
        r"|if\s*\((?P<cond>[^;{}]*?)\)\s*return\s+(?P<a>[^;]*);\s*else\s+return\s+(?P<b>[^;]*);"
        r"|return\s+(?P<ret>[^;]*);",
        re.S)
    for m in token_re.finditer(src):
        if m.group(1):
            macros[m.group(1)] = (m.group(2), m.group(3).strip())
        elif m.group(4):
            macros.pop(m.group(4), None)
        elif m.group(5):
            pending.append(re.sub(r"\s+", "", m.group(5)))
        elif m.group(0).startswith("default"):
            pending = []
        elif m.group("cond") is not None:
            cond = c_expr_to_py(m.group("cond"), macros)
            a = c_expr_to_py(m.group("a"), macros)
            b = c_expr_to_py(m.group("b"), macros)
            for label in pending:
                effects[label] = "((%s) if (%s) else (%s))" % (a, cond, b)
            pending = []
        else:
            ret = m.group("ret")
            if not pending:
                continue  # the trailing "return 0; /* not reachable */"
            if not re.search(r"\boparg\b|^[\s\d()+\-]+$", ret) and re.match(r"^[A-Z_]+$", ret.strip()):
                value = None  # PY_INVALID_STACK_EFFECT and similar
            else:
                value = c_expr_to_py(ret, macros)
            for label in pending:
                effects[label] = value
            pending = []
    return effects


def parse_walk_adjustments(body):
    """Jump-edge corrections of stackdepth_walk: {label: {"jump": d} or {"nojump": d}}."""
    out = {}
    if body is None:
        return out
    # "if (instr->i_opcode == A || instr->i_opcode == B) { target_depth = depth+3; ...}"
    for m in re.finditer(r"if\s*\(((?:\s*(?:\|\|)?\s*instr->i_opcode\s*==\s*\w+)+)\s*\)\s*\{?([^}]*?)(?:\}|else|maxdepth = stackdepth_walk)", body, flags=re.S):
        labels = re.findall(r"instr->i_opcode\s*==\s*(\w+)", m.group(1))
        stmt = m.group(2)
        t = re.search(r"target_depth\s*=\s*depth\s*([+-])\s*(\d+)", stmt)
        d = re.search(r"\bdepth\s*=\s*depth\s*([+-])\s*(\d+)", stmt)
        for label in labels:
            if t:
                out.setdefault(label, {})["jump"] = int(t.group(2)) * (1 if t.group(1) == "+" else -1)
            if d and not t:
                out.setdefault(label, {})["nojump"] = int(d.group(2)) * (1 if d.group(1) == "+" else -1)
    return out


def compile_c_effects(git, version):
    src = strip_comments(git.show(version, "Python/compile.c"))
    body = c_function(src, ["opcode_stack_effect", "PyCompile_OpcodeStackEffect"])
    if body is None:
        return None, None
    return parse_stack_effect_switch(body), parse_walk_adjustments(c_function(src, ["stackdepth_walk"]))


def sample_effects(opmap, have_argument, effects, walk, overrides=None):
    overrides = overrides or {}
    out = {}
    for name, num in sorted(opmap.items()):
        per = {}
        opargs = SAMPLE_OPARGS if num >= have_argument else [None]
        for oparg in opargs:
            if name in overrides:
                expr = overrides[name]["effect"]
            else:
                expr = effects.get(name)
            value = None if expr is None else eval(expr, {}, {"oparg": 0 if oparg is None else oparg})
            rec = {"any": value}
            adj = walk.get(name) if value is not None else None
            if adj:
                rec["walk_jump"] = value + adj.get("jump", 0)
                rec["walk_nojump"] = value + adj.get("nojump", 0)
            per["noarg" if oparg is None else str(oparg)] = rec
        out[name] = per
    return out


# ---------------------------------------------------------------------------------------
# Lib/opcode.py of a version, executed, for the cross-check


def cpython_opcode_module(git, version):
    src = git.show(version, "Lib/opcode.py")
    src = src.replace("from _opcode import stack_effect", "")
    src = src.replace("`op`", "repr(op)")  # 2.x backquotes
    ns = {"__name__": "opcode"}
    exec(compile(src, "opcode.py", "exec"), ns)
    return ns


def xdis_name(name):
    """xdis spells the 2.x slice opcodes SLICE_0 where CPython says SLICE+0."""
    return re.sub(r"\+(\d)$", r"_\1", name)


def xdis_cmp(op):
    return op.replace(" ", "-")


def cross_check(facts, x, version):
    """Compare CPython's numbers with the xdis dump (names normalised to xdis spelling)."""
    problems = []
    ours = dict((xdis_name(k), v) for k, v in facts["opmap"].items())
    if ours != x["opmap"]:
        problems.append("opmap differs: %r" % (set(ours.items()) ^ set(x["opmap"].items())))
    for attr in facts:
        if attr.startswith("has"):
            mine = sorted(xdis_name(n) for n in facts[attr])
            theirs = sorted(set(x.get(attr, [])))
            if attr == "hasnargs" and set(mine) <= set(theirs):
                # xdis adds MAKE_FUNCTION & co. to its own hasnargs; CPython's is the subset
                continue
            if mine != theirs:
                problems.append("%s differs: %r vs %r" % (attr, mine, sorted(x.get(attr, []))))
    if [xdis_cmp(c) for c in facts["cmp_op"]] != x["cmp_op"]:
        problems.append("cmp_op differs: %r vs %r" % (facts["cmp_op"], x["cmp_op"]))
    for k in ("HAVE_ARGUMENT", "EXTENDED_ARG"):
        if facts[k] != x[k]:
            problems.append("%s differs" % k)
    if problems:
        raise SystemExit("%s: CPython's Lib/opcode.py and the xdis dump disagree:\n  %s"
                         % (version, "\n  ".join(problems)))


# ---------------------------------------------------------------------------------------


def build(version, reference, magics, git, overrides):
    mod = cpython_opcode_module(git, version)
    opmap = dict(mod["opmap"])
    rev = dict((v, k) for k, v in opmap.items())
    has_lists = [a for a in sorted(mod) if a.startswith("has") and isinstance(mod[a], list)]
    facts = {
        "version": version,
        "python": None,
        "source": "CPython %s Lib/opcode.py (checked against opcode-tables/xdis-%s.json), "
                  "bytecode-formats.md" % (git.describe(version), version),
        "magic": magics[version]["final"],
        "magic_range": magics[version]["range"],
        "opmap": opmap,
        "HAVE_ARGUMENT": mod["HAVE_ARGUMENT"],
        "EXTENDED_ARG": mod["EXTENDED_ARG"],
        "cmp_op": list(mod["cmp_op"]),
        "sample_opargs": SAMPLE_OPARGS,
    }
    for attr in has_lists:
        facts[attr] = [rev[n] for n in sorted(set(mod[attr]))]
    m = re.search(r"Py_MARSHAL_VERSION\s+(\d+)", git.show(version, "Include/marshal.h"))
    facts["marshal_version"] = int(m.group(1))
    x = json.load(open(os.path.join(reference, "opcode-tables", "xdis-%s.json" % version)))
    cross_check(facts, x, version)
    add_stack_effects(facts, version, git, overrides)
    return facts


def add_stack_effects(facts, version, git, overrides):
    ov = overrides.get(version, {})
    effects, walk = compile_c_effects(git, version)
    source = "compile.c %s" % git.describe(version)
    if effects is None:
        base = ov["effects_from"]
        effects, walk = compile_c_effects(git, base)
        source = "compile.c %s opcode_stack_effect (%s has none: %s)" % (
            git.describe(base), version, ov["why"])
        # the walk corrections are those of the version's own compiler: none before 2.7
        walk = {}
    ops = ov.get("ops", {})
    facts["stack_effect_source"] = source
    facts["stack_effect_has_jump"] = False
    facts["stack_effect_samples"] = sample_effects(facts["opmap"], facts["HAVE_ARGUMENT"],
                                                   effects, walk, ops)
    if ops:
        facts["stack_effect_overrides"] = ops
    if walk:
        facts["stackdepth_walk_adjust"] = walk


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", default="/work/shared/reference")
    ap.add_argument("--cpython-git", required=True, help="git dir of a CPython clone with the maintenance branches")
    ap.add_argument("--ref", action="append", default=[], help="X.Y=REV: the revision holding version X.Y")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "tests", "data", "facts"))
    ap.add_argument("--fill", action="append", default=[], help="facts file whose stack effects to fill from compile.c")
    ap.add_argument("--only", action="append", default=[], help="build only these versions")
    args = ap.parse_args()
    refs = dict(DEFAULT_REFS)
    for r in args.ref:
        k, v = r.split("=", 1)
        refs[k] = v
    git = Git(args.cpython_git, refs)
    overrides = json.load(open(os.path.join(HERE, "compile_c_overrides.json")))
    magics = magic_table(args.reference)
    for version in args.only or VERSIONS:
        facts = build(version, args.reference, magics, git, overrides)
        path = os.path.join(args.out, "%s.json" % version)
        with open(path, "w") as f:
            json.dump(facts, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote", path, "(%s)" % facts["stack_effect_source"], file=sys.stderr)
    for path in args.fill:
        facts = json.load(open(path))
        version = facts["version"]
        add_stack_effects(facts, version, git, overrides)
        facts["magic_range"] = magics[version]["range"]
        with open(path, "w") as f:
            json.dump(facts, f, indent=1, sort_keys=True)
            f.write("\n")
        print("filled", path, "(%s)" % facts["stack_effect_source"], file=sys.stderr)
    # every facts file gets the magic range of its version from bytecode-formats.md, and
    # its final magic is checked against that table
    for name in sorted(os.listdir(args.out)):
        m = re.match(r"^(\d+\.\d+)\.json$", name)
        if not m or m.group(1) not in magics:
            continue
        path = os.path.join(args.out, name)
        facts = json.load(open(path))
        if facts["magic"] != magics[m.group(1)]["final"]:
            raise SystemExit("%s: magic %d, bytecode-formats.md says %d"
                             % (path, facts["magic"], magics[m.group(1)]["final"]))
        if facts.get("magic_range") != magics[m.group(1)]["range"]:
            facts["magic_range"] = magics[m.group(1)]["range"]
            with open(path, "w") as f:
                json.dump(facts, f, indent=1, sort_keys=True)
                f.write("\n")


if __name__ == "__main__":
    main()
