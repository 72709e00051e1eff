#!/usr/bin/env python3
"""Record what real CPythons' regular expression engines do, for tests/sre_fixtures.rs.

For every installed CPython 3.6-3.13 this writes tests/data/sre/<X.Y>.json: for each
pattern in PATTERNS, the arguments that version's sre_compile passes to `_sre.compile`
(flags, code words, groups count, groupindex, indexgroup), and the results of running the
real engine on a list of subjects:

  match / search / fullmatch   with (pos, endpos) variants: the match's `regs` and
                               `lastindex`, or null when there is no match;
  finditer                     the regs of every match;
  split                        the pieces (code-point lists, null for unmatched groups);
  sub                          the result of `sub("<>", s)` and the count of `subn`.

Strings are stored as run-length encoded lists of code points (`[[cp, count], ...]`;
bytes as byte values), so that any code point survives JSON and long subjects stay small. A few malformed code lists are recorded too, with the error
`_sre.compile` raises for them. The Rust test runs xpython's engine (src/modules/sre) on
the same code words and compares; it needs no CPython.

Usage: tools/gen_sre_fixtures.py [--version X.Y]...
"""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_golden import ROOT, find_interpreters  # noqa: E402

OUT = os.path.join(ROOT, "tests", "data", "sre")
VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

# (pattern, flags, subjects, min version). Patterns are str unless given as bytes.
# Flags are the names of re flags joined with "|".
LONG_A = "a" * 30000
PATTERNS = [
    ("abc", "", ["abc", "xabcx", "ab", ""], None),
    ("a|b|c", "", ["xyzcba", "", "d"], None),
    ("a*", "", ["aaa", "baaa", "", "bab"], None),
    ("x*", "", ["abxd", "xx", ""], None),
    ("a+?b", "", ["aaab", "ab b"], None),
    ("(a)(b)?", "", ["a", "ab", "xab"], None),
    ("(?P<first>\\w+) (?P<last>\\w+)", "", ["Jane Doe", "x  y", "é ü"], None),
    ("(a|b)*c", "", ["ababc", "abab", "c"], None),
    ("(a|b)*?c", "", ["ababc", "c"], None),
    ("(?:ab)+", "", ["ababab", "aba", "xx"], None),
    ("(?:ab){2,3}", "", ["ababababab", "ab"], None),
    ("(a*)*b", "", ["aaab", "b", "aaa"], None),
    ("(a*)+b", "", ["aaab", "aac"], None),
    ("(?:a|ab)(?:c|bcd)(d*)", "", ["abcd", "abcdd"], None),
    ("^(\\w+)\\s*=\\s*(.*)$", "M", ["x = 1\ny=2\n", "  bad"], None),
    ("^$", "M", ["\n\n", "", "a\n"], None),
    ("$", "", ["a\n", "a", "a\nb\n"], None),
    ("\\Aab\\Z", "", ["ab", "ab\n"], None),
    ("\\bfoo\\b", "", ["foo", "a foo b", "foobar", "é foo", "éfoo"], None),
    ("\\bfoo\\b", "A", ["éfoo", "é foo"], None),
    ("\\Bo\\B", "", ["foo", "o", "xox"], None),
    ("\\d+", "", ["a12b345", "٣٤", "x"], None),
    ("\\d+", "A", ["a12b345", "٣٤"], None),
    ("\\s+", "", ["a \t\nb\x1c\x85\u3000c", "x"], None),
    ("\\w+", "", ["héllo wörld_1", "ß", "٣"], None),
    ("\\W+", "", ["héllo, wörld!"], None),
    ("\\w+", "A", ["héllo wörld_1"], None),
    ("[a-z]+", "", ["Hello World", "ABC"], None),
    ("[^a-z]+", "", ["Hello World"], None),
    ("[a-z]+", "I", ["Hello WORLD", "ſ K", "İ"], None),
    ("[\\w.-]+@[\\w-]+\\.\\w+", "", ["mail me: a.b-c@ex-ample.com now"], None),
    ("[\u0100-\u0200\U00010000-\U00010100]+", "", ["xĀȀ\U00010050y"], None),
    ("[éàü]+", "", ["xéàüy"], None),
    ("[^\u4e00-\u9fff]+", "", ["ab漢字cd"], None),
    ("hello", "I", ["HeLLo", "HELLO world", "hellx"], None),
    ("straße", "I", ["STRASSE", "Straße", "STRAẞE"], None),
    ("σ+", "I", ["Σσς", "x"], None),
    ("[σ]+", "I", ["Σσς"], None),
    ("k", "I", ["K", "\u212a", "k"], None),
    ("ǅ", "I", ["Ǆ", "ǅ", "ǆ"], None),
    ("ß", "I", ["ẞ", "ß"], None),
    ("[ᾳ]", "I", ["ᾼ", "ᾳ"], None),
    ("(a)\\1", "", ["aa", "ab"], None),
    ("(a)\\1", "I", ["aA"], None),
    ("(?P<q>['\"]).*?(?P=q)", "", ["say 'hi' and \"bye\""], None),
    ("(\\w)\\1+", "", ["aabbbcd", "abc"], None),
    ("(?i)(ß)\\1", "", ["ßẞ", "ßß"], None),
    ("(a)?(?(1)b|c)", "", ["ab", "c", "ac", "b"], None),
    ("(?P<o><)?\\w+(?(o)>)", "", ["<user>", "user", "<user"], None),
    ("(a)?(?(1)b)", "", ["ab", "x"], None),
    ("foo(?=bar)", "", ["foobar", "foobaz"], None),
    ("foo(?!bar)", "", ["foobar", "foobaz"], None),
    ("(?<=abc)def", "", ["abcdef", "xbcdef"], None),
    ("(?<!abc)def", "", ["abcdef", "xbcdef", "def"], None),
    ("(?<=(a))b", "", ["ab"], None),
    ("(?=(a+))a*b\\1", "", ["baaabac"], None),
    ("(?!(a)c)\\w", "", ["ac ab"], None),
    (".+", "", ["ab\ncd"], None),
    (".+", "S", ["ab\ncd"], None),
    ("a.c", "", ["abc", "a\nc"], None),
    ("(a+)+$", "", ["a" * 14 + "b"], None),
    ("(x+x+)+y", "", ["x" * 10], None),
    ("(?:a?){12}a{12}", "", ["a" * 12], None),
    ("(a|aa)*$", "", ["a" * 16 + "b"], None),
    ("a*b", "", [LONG_A + "b", LONG_A], None),
    ("(?:a|b)*c", "", [LONG_A + "c"], None),
    ("(a|b)*c", "", [LONG_A + "c"], None),
    ("(?:a*?)*x", "", ["a" * 12], None),
    ("(a)*", "", [LONG_A], None),
    ("(?:(a)|b)*", "", [LONG_A + "bbbb"], None),
    ("(a|b)*?c", "", [LONG_A + "c"], None),
    ("a{3}", "", ["aaaa", "aa"], None),
    ("a{2,}?", "", ["aaaa"], None),
    ("a{,2}", "", ["aaa"], None),
    ("(?:)", "", ["", "ab"], None),
    ("\\b", "", ["ab cd", ""], None),
    ("\\B", "", ["ab", ""], None),
    ("(?:^|,)(\\w*)", "", ["a,,b,", ""], None),
    ("(?s:.)(?i:A)b", "", ["\naB", "\nab"], "3.7"),
    ("a++b", "", ["aaab", "aaa"], "3.11"),
    ("a*+a", "", ["aaaa"], "3.11"),
    ("(?>a+)b", "", ["aaab", "aaa"], "3.11"),
    ("(?>a|ab)c", "", ["abc", "ac"], "3.11"),
    ("(?:ab)++c", "", ["ababc", "ababab"], "3.11"),
    ("(a?)++b", "", ["aab", "b"], "3.11"),
    ("x{2,3}+x", "", ["xxxx", "xxx"], "3.11"),
    ("(?:x|xy)?+y", "", ["xy", "y"], "3.11"),
    ("[[:alpha:]]", "", ["a:"], None),
    (b"\\w+", "", [b"hello w\xe9rld_1"], None),
    (b"[a-z]+", "I", [b"Hello WORLD"], None),
    (b"\\d\\s\\S", "", [b"1 x", b"a b"], None),
    (b"\\bab\\b", "", [b"x ab y", b"\xe9ab"], None),
    (b"(a)\\1", "I", [b"aA"], None),
    (b"[\x80-\xff]+", "", [b"ab\x80\xffcd"], None),
    (b"\xe9", "I", [b"\xc9", b"\xe9"], None),
    (b"\\w+", "L", [b"h\xe9llo"], None),
    (b"[a-z]", "IL", [b"AbC"], None),
    ("(?x) a b # comment\n c", "", ["abc"], None),
    ("(?P<a>x)|(?P<b>y)", "", ["y", "x", "z"], None),
    ("(((((((((((a)))))))))))", "", ["a"], None),
    ("(?:(?:(?:(?:(?:a)*)*)*)*)*b", "", ["aa", "b"], None),
    ("(a)|b", "", ["b", "a"], None),
    ("(a)(?:(b)|c)*", "", ["abcbc", "acb"], None),
    ("((a)|b)+", "", ["ab", "ba"], None),
    ("(?:(a)|(b))+", "", ["ab", "ba"], None),
    ("(a*)*", "", ["b", "aab"], None),
    ("(a*)+", "", ["b", "aab"], None),
    ("(a|)*b", "", ["aab"], None),
    ("(?:x(a)?)*", "", ["xaxx"], None),
    ("(a)b|ac", "", ["ac"], None),
    ("^", "M", ["a\nb\n"], None),
    ("$", "M", ["a\nb\n"], None),
    ("\\s*", "", ["a b  c"], None),
    ("\\b|:", "", ["a:b"], None),
    ("\\W*", "", ["a, b"], None),
    ("(:)?", "", ["a:b"], None),
    ("", "", ["abc"], None),
]

INNER = r'''
import json, sys
try:
    from re import _compiler as sc, _parser as sp, _constants as cst
except ImportError:
    import sre_compile as sc, sre_parse as sp, sre_constants as cst
import re, _sre

captured = []
real_compile = _sre.compile
def spy(pattern, flags, code, groups, groupindex, indexgroup):
    captured.append((flags, list(code), groups, dict(groupindex), list(indexgroup)))
    return real_compile(pattern, flags, code, groups, groupindex, indexgroup)
_sre.compile = spy

def cps(s):
    # Run-length encoded code points: [[cp, count], ...].
    if s is None:
        return None
    items = list(s) if isinstance(s, bytes) else [ord(c) for c in s]
    out = []
    for c in items:
        if out and out[-1][0] == c:
            out[-1][1] += 1
        else:
            out.append([c, 1])
    return out

def regs(m):
    if m is None:
        return None
    return {"regs": [list(r) for r in m.regs], "lastindex": m.lastindex}

cases = json.loads(sys.stdin.read())
ver = sys.version_info[:2]
out = []
for pat, flagnames, subjects, since in cases:
    if since is not None and ver < tuple(int(x) for x in since.split(".")):
        continue
    if isinstance(pat, list):
        pat = bytes(pat)
        subjects = [bytes(s) for s in subjects]
    flags = 0
    for name in flagnames:
        flags |= {"I": re.I, "M": re.M, "S": re.S, "A": re.A, "L": re.L, "X": re.X}[name]
    del captured[:]
    try:
        p = sc.compile(pat, flags)
    except Exception as e:
        continue
    f, code, groups, groupindex, indexgroup = captured[-1]
    entry = {"pattern": repr(pat), "is_bytes": isinstance(pat, bytes), "flags": f,
             "code": code, "groups": groups, "groupindex": groupindex,
             "indexgroup": [None if x is None else x for x in indexgroup], "cases": []}
    for s in subjects:
        n = len(s)
        for op in ("match", "search", "fullmatch"):
            for pos, endpos in ((0, n), (1, n), (0, max(n - 1, 0))):
                if n > 1000 and (pos, endpos) != (0, n):
                    continue
                m = getattr(p, op)(s, pos, endpos)
                entry["cases"].append({"op": op, "subject": cps(s), "pos": pos,
                                       "endpos": endpos, "result": regs(m)})
        entry["cases"].append({"op": "finditer", "subject": cps(s), "pos": 0, "endpos": n,
                               "result": [regs(m) for m in p.finditer(s)]})
        try:
            pieces = [cps(x) for x in p.split(s)]
        except ValueError as e:
            pieces = {"error": "ValueError: " + str(e)}
        entry["cases"].append({"op": "split", "subject": cps(s), "pos": 0, "endpos": n,
                               "result": pieces})
        repl = b"<>" if isinstance(s, bytes) else "<>"
        r, count = p.subn(repl, s)
        entry["cases"].append({"op": "sub", "subject": cps(s), "pos": 0, "endpos": n,
                               "result": {"text": cps(r), "count": count}})
    out.append(entry)

# Malformed code lists: what _sre.compile says about them.
bad = []
for code in ([999], [cst.OPCODES[0] if isinstance(cst.OPCODES, list) else 0, 5, 5],
             [17, 100, 0, 0, 0, 1], [], [1] * 3):
    try:
        real_compile("x", 0, code, 0, {}, (None,))
        bad.append({"code": code, "error": None})
    except Exception as e:
        bad.append({"code": code, "error": type(e).__name__ + ": " + str(e)})
print(json.dumps({"version": "%d.%d" % ver, "magic": cst.MAGIC, "patterns": out,
                  "malformed": bad}))
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--version", action="append")
    args = ap.parse_args()
    interps = find_interpreters(os.path.expanduser(
        os.path.join(os.environ.get("PYENV_ROOT", "~/.pyenv"), "versions")))
    os.makedirs(OUT, exist_ok=True)
    payload = []
    for pat, flags, subjects, since in PATTERNS:
        if isinstance(pat, bytes):
            payload.append((list(pat), flags, [list(s) for s in subjects], since))
        else:
            payload.append((pat, flags, subjects, since))
    for v in args.version or VERSIONS:
        exe = interps.get(v)
        if exe is None:
            print(f"{v}: no interpreter, skipped")
            continue
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONWARNINGS="ignore")
        res = subprocess.run([exe, "-c", INNER], input=json.dumps(payload), env=env,
                             capture_output=True, text=True, check=True)
        data = json.loads(res.stdout)
        path = os.path.join(OUT, f"{v}.json")
        with open(path, "w") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")
        print(f"{v}: {len(data['patterns'])} patterns -> {path}")


if __name__ == "__main__":
    main()
