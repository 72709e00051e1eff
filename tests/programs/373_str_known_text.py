# Strings built by join, split, strip and the ASCII case methods: their lengths, indexing,
# slicing, hashes and equality must be those of the same text written out, short or long,
# ASCII or not, with lone surrogates or not.
words = ["ka", "lo", "\u00e9t\u00e9", "\u20ac", "\U0001f600", "", "mi" * 20]
for sep in ["", " ", "\u00b7", "--", "\U0001f600"]:
    j = sep.join(words)
    lit = ""
    for i, w in enumerate(words):
        lit += (sep if i else "") + w
    print(len(j), j == lit, hash(j) == hash(lit), {lit: 1}.get(j), j[-1], j[3:9], ascii(j[::7]))
print(len(" ".join(["x"] * 30)), " ".join(("ab", "cd"))[4], "".join([]) == "")
sur = "\udc80".join(["a", "b"])
print(len(sur), ascii(sur), ascii("-".join([sur, "\u00e9"])), len("-".join([sur, "\u00e9"])))

text = "  alpha beta\tgamma\n delta " + "epsilon " * 5
parts = text.split()
print(len(parts), [len(p) for p in parts], parts[2][1:], parts[-1][-3:])
print([p.upper() for p in parts[:3]], parts[0].capitalize(), "MiXeD".swapcase(), "ABC".lower()[1])
u = "caf\u00e9 na\u00efve  \u00fcber".split()
print(u, [len(w) for w in u], u[0][3], u[2][0])
print("a,b,,c".split(","), len("x\u00e9y,z".split(",")[0]), "x\u00e9y,z".split(",")[0][1])
for s in ["  hi  ", ",,word.,", "\u00e9\u00e9x\u00e9", "plain", "x" * 30 + "  "]:
    t = s.strip(" ,.\u00e9")
    print(repr(t), len(t), t == s.strip(" ,.\u00e9"), hash(t) == hash(str(t)), t[:2], t[-1:])
low = ("Word" * 10).lower()
print(len(low), low[5], low == "word" * 10, hash(low) == hash("word" * 10))
print(repr("xyx".strip("\udc80x")), repr(" \x1f a \x0b".strip()), repr("..a..".lstrip(".\u00e9")), repr("..a..".rstrip("\U0001f600.")))

# find/rfind/index with a one-character needle, in ASCII and non-ASCII text, with bounds.
for h in ["a|b|c", "\u00e9|\u20ac|x|", "||", "", "no bar here"]:
    print(h.find("|"), h.rfind("|"), h.find("|", 2), h.rfind("|", 0, 3), h.find("|", -2), h.count("|"))
try:
    "abc".index("|")
except ValueError as e:
    print("ValueError", e)
print("x\u00e9y\u00e9z".rindex("\u00e9"), "x\u00e9y|z".index("|"), "ab".find("b", 5), "ab".find("", 2))
r = "ITEM00012:ITEM".replace("ITEM", "it")
print(r, len(r), r[-2:], hash(r) == hash("it00012:it"))
r = "caf\u00e9 ITEM".replace("ITEM", "it")
print(r, len(r), r[3])
r = "abcabc".replace("b", "\u00e9", 1)
print(r, len(r), r[1], "aaa".replace("a", "bb"), len("aaa".replace("a", "bb")))
