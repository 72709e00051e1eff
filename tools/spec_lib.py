"""Shared helpers for the spec tools: formulas, reading and resolving spec/*.toml, facts.

Nothing here knows an opcode: names and numbers come from spec/ and tests/data/facts/.
"""
import json
import os
import re
import tomllib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SPEC_DIR = os.path.join(ROOT, "spec")
FACTS_DIR = os.path.join(ROOT, "tests", "data", "facts")


def vkey(v):
    return tuple(int(x) for x in v.split("."))


# ---------------------------------------------------------------------------------------
# Stack-effect formulas (grammar of spec/README.md), evaluated with C precedence,
# floor division and modulo, comparisons giving 1 or 0.

_TOKEN = re.compile(r"\s*(?:(0x[0-9a-fA-F]+|\d+)|([A-Za-z_]\w*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^()?:<>!~,]))")

_BINARY = [  # lowest to highest
    ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="], ["<<", ">>"],
    ["+", "-"], ["*", "/", "%"],
]


class FormulaError(ValueError):
    pass


def _tokens(text):
    pos, out = 0, []
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise FormulaError("bad character at %d in %r" % (pos, text))
        if m.group(1):
            out.append(("num", int(m.group(1), 0)))
        elif m.group(2):
            out.append(("name", m.group(2)))
        else:
            out.append(("op", m.group(3)))
        pos = m.end()
    out.append(("end", None))
    return out


class _Parser:
    def __init__(self, text):
        self.toks = _tokens(text)
        self.i = 0
        self.text = text

    def peek(self):
        return self.toks[self.i]

    def take(self, op=None):
        t = self.toks[self.i]
        if op is not None and t != ("op", op):
            raise FormulaError("expected %r in %r" % (op, self.text))
        self.i += 1
        return t

    def parse(self):
        e = self.ternary()
        if self.peek()[0] != "end":
            raise FormulaError("trailing input in %r" % self.text)
        return e

    def ternary(self):
        cond = self.binary(0)
        if self.peek() == ("op", "?"):
            self.take()
            a = self.ternary()
            self.take(":")
            b = self.ternary()
            return ("?", cond, a, b)
        return cond

    def binary(self, level):
        if level == len(_BINARY):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in _BINARY[level]:
            op = self.take()[1]
            right = self.binary(level + 1)
            left = (op, left, right)
        return left

    def unary(self):
        t = self.peek()
        if t[0] == "op" and t[1] in ("-", "+", "!", "~"):
            self.take()
            return ("u" + t[1], self.unary())
        if t[0] == "num":
            self.take()
            return ("num", t[1])
        if t[0] == "name":
            self.take()
            if t[1] == "oparg":
                return ("oparg",)
            if t[1] == "popcount":
                self.take("(")
                e = self.ternary()
                self.take(")")
                return ("popcount", e)
            raise FormulaError("unknown name %r in %r" % (t[1], self.text))
        if t == ("op", "("):
            self.take()
            e = self.ternary()
            self.take(")")
            return e
        raise FormulaError("unexpected %r in %r" % (t, self.text))


def _eval(node, oparg):
    k = node[0]
    if k == "num":
        return node[1]
    if k == "oparg":
        return oparg
    if k == "popcount":
        return bin(_eval(node[1], oparg) & ((1 << 64) - 1)).count("1")
    if k == "?":
        return _eval(node[2], oparg) if _eval(node[1], oparg) else _eval(node[3], oparg)
    if k == "u-":
        return -_eval(node[1], oparg)
    if k == "u+":
        return _eval(node[1], oparg)
    if k == "u!":
        return int(not _eval(node[1], oparg))
    if k == "u~":
        return ~_eval(node[1], oparg)
    a, b = _eval(node[1], oparg), _eval(node[2], oparg)
    return {
        "+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
        "/": lambda: a // b, "%": lambda: a % b,
        "&": lambda: a & b, "|": lambda: a | b, "^": lambda: a ^ b,
        "<<": lambda: a << b, ">>": lambda: a >> b,
        "==": lambda: int(a == b), "!=": lambda: int(a != b), "<": lambda: int(a < b),
        "<=": lambda: int(a <= b), ">": lambda: int(a > b), ">=": lambda: int(a >= b),
        "&&": lambda: int(bool(a) and bool(b)), "||": lambda: int(bool(a) or bool(b)),
    }[k]()


_CACHE = {}


def formula_eval(text, oparg):
    tree = _CACHE.get(text)
    if tree is None:
        tree = _CACHE[text] = _Parser(str(text)).parse()
    return _eval(tree, oparg)


def formula_check(text):
    _Parser(str(text)).parse()


# ---------------------------------------------------------------------------------------
# Facts


def load_facts(facts_dir=FACTS_DIR):
    out = {}
    for name in os.listdir(facts_dir):
        m = re.match(r"^(\d+\.\d+)\.json$", name)
        if m:
            with open(os.path.join(facts_dir, name)) as f:
                out[m.group(1)] = json.load(f)
    return out


def real_ops(facts):
    """name -> number for the opcodes a .pyc of this version can contain or name (< 256)."""
    return dict((k, v) for k, v in facts["opmap"].items() if v < 256)


def fact_has_arg(facts, name):
    if "hasarg" in facts:
        return name in facts["hasarg"]
    return facts["opmap"][name] >= facts["HAVE_ARGUMENT"]


def samples_of(facts, name):
    """[(oparg, record)] where oparg is None for 'noarg'."""
    s = (facts.get("stack_effect_samples") or {}).get(name)
    if not s:
        return []
    out = []
    for k, rec in s.items():
        out.append((None if k == "noarg" else int(k), rec))
    out.sort(key=lambda p: -1 if p[0] is None else p[0])
    return out


def check_stack(stack, stack_jump, recs):
    """Do the formulas agree with the recorded samples?  Returns a list of problems.

    Rules (the same as tests/spec_facts.rs):
      * a record with "jump"/"nojump" (dis.stack_effect of 3.8+): stack == nojump and
        (stack_jump or stack) == jump, exactly;
      * a record with only "any" (3.4-3.7 dis, compile.c of the older versions): the
        compiler counts one value for both edges, the larger one, so
        max(stack, stack_jump or stack) == any;  where stackdepth_walk corrects the edges
        ("walk_jump"/"walk_nojump"), matching those exactly is accepted as well;
      * null values are skipped (no such effect: invalid oparg, or no case in compile.c).
    """
    problems = []
    for oparg, rec in recs:
        o = 0 if oparg is None else oparg
        s = formula_eval(stack, o)
        j = formula_eval(stack_jump, o) if stack_jump is not None else s
        if "nojump" in rec:
            if rec["nojump"] is not None and s != rec["nojump"]:
                problems.append("oparg %s: stack %d, nojump %d" % (oparg, s, rec["nojump"]))
            if rec["jump"] is not None and j != rec["jump"]:
                problems.append("oparg %s: stack_jump %d, jump %d" % (oparg, j, rec["jump"]))
            continue
        if rec.get("any") is None:
            continue
        if max(s, j) == rec["any"]:
            continue
        if "walk_jump" in rec and s == rec["walk_nojump"] and j == rec["walk_jump"]:
            continue
        problems.append("oparg %s: max(stack %d, stack_jump %d) != any %d%s" % (
            oparg, s, j, rec["any"],
            "" if "walk_jump" not in rec else " (walk: nojump %d, jump %d)" % (
                rec["walk_nojump"], rec["walk_jump"])))
    return problems


# ---------------------------------------------------------------------------------------
# Spec files


VERSION_FIELDS = [
    "id", "inherits", "magic", "magic_range", "header_size", "marshal_version", "code_layout",
    "encoding", "have_argument", "extended_arg_shift", "jump_unit", "jump_base", "linetable",
    "exceptions", "compare_shift", "cmp_ops", "binary_ops", "intrinsics_1", "intrinsics_2",
    "stack_effect_rejects", "superinstructions",
]
OP_FIELDS = ["num", "arg", "cache", "stack", "stack_jump", "handler", "method_load", "method_call",
             "not_in_pyc", "doc"]


def load_spec_files(spec_dir=SPEC_DIR):
    """{version id: parsed toml} for spec/<X.Y>.toml."""
    out = {}
    for name in os.listdir(spec_dir):
        m = re.match(r"^(\d+\.\d+)\.toml$", name)
        if m:
            with open(os.path.join(spec_dir, name), "rb") as f:
                out[m.group(1)] = tomllib.load(f)
    return out


def resolve(files):
    """{version: {"version": {...}, "ops": {name: {...}}}} with inheritance applied."""
    done = {}

    def go(v):
        if v in done:
            return done[v]
        data = files[v]
        ver = dict(data.get("version", {}))
        parent = ver.get("inherits")
        if parent:
            base = go(parent)
            vfields = dict(base["version"])
            ops = dict((k, dict(o)) for k, o in base["ops"].items())
        else:
            vfields, ops = {}, {}
        vfields.pop("inherits", None)
        for k, val in ver.items():
            vfields[k] = val
        for name, patch in data.get("op", {}).items():
            if patch.get("removed"):
                ops.pop(name, None)
                continue
            cur = ops.setdefault(name, {})
            for k, val in patch.items():
                cur[k] = val
        done[v] = {"version": vfields, "ops": ops, "inherits": parent}
        return done[v]

    for v in files:
        go(v)
    return done
