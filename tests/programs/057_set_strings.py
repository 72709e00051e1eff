# Sets of strings: printed sorted (their iteration order depends on the string hash seed).
words = 'the cat sat on the mat with the hat'.split()
uniq = set(words)
print(len(words), len(uniq), sorted(uniq))
a = set('abracadabra')
b = set('alacazam')
print(sorted(a), sorted(b), sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))
print('c' in a, 'z' in a, {'x', 'y'} <= set('xyz'), sorted({w.upper() for w in words}))
seen = set()
dupes = []
for w in words:
    if w in seen:
        dupes.append(w)
    seen.add(w)
print(dupes, sorted(seen, key=lambda w: (len(w), w)))
print(sorted(frozenset(['b', 'a']) | {'c'}), len({'a', 'a', 'b'}), {'only'})
by_len = {}
for w in sorted(uniq):
    by_len.setdefault(len(w), set()).add(w)
print({k: sorted(v) for k, v in sorted(by_len.items())})
