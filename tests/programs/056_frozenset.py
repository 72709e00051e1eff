# frozenset: immutability, hashing, use as dict key / set element, result types of mixed ops.
f = frozenset([3, 1, 2, 3])
print(f, frozenset(), len(f), 2 in f, type(f).__name__, repr(frozenset('a')))
g = frozenset(range(2, 6))
print(f | g, f & g, f - g, f ^ g)
print(type(f | {9}).__name__, type({9} | f).__name__, type(f.union([1])).__name__, type(set(f)).__name__)
print(f == {1, 2, 3}, {1, 2, 3} == f, f <= g | f, hash(f) == hash(frozenset([1, 2, 3])))
d = {f: 'first', frozenset(): 'empty'}
print(d[frozenset({1, 2, 3})], d[frozenset()])
nested = {frozenset({1}), frozenset({1}), frozenset({2, 1})}
print(len(nested), frozenset({1}) in nested)
s = {1, 2}
print(s in {frozenset({1, 2})}, frozenset(s) in {frozenset({1, 2}): 'x'}, {frozenset({1, 2}): 'x'}.get(frozenset(s)))
for fn in [lambda: f.add(1), lambda: hash({1})]:
    try:
        fn()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(f.copy() == f, f.isdisjoint([7]), f.issubset([1, 2, 3, 4]), frozenset(f) == f)
print(sorted(frozenset('hello')), frozenset([frozenset([1])]))
