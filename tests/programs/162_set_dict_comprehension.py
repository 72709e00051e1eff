# Set and dict comprehensions: int sets printed directly, dedup, dict collisions, filters.
print({x % 5 for x in range(20)})
print({x * x for x in [-3, -2, -1, 0, 1, 2, 3]})
print({n for n in range(50) if n % 7 == 0})
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(sorted({w.lower() for w in 'The the THE cat Cat'.split()}))
print({i: chr(97 + i) for i in range(5)})
print({v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()})
print({k: [v for v in range(k)] for k in range(4)})
print({n: ('even' if n % 2 == 0 else 'odd') for n in range(5)})
scores = {'ann': 82, 'bob': 45, 'cid': 67, 'dee': 91}
print({name: s for name, s in scores.items() if s >= 60})
print({s // 10 * 10: name for name, s in scores.items()})
print(len({x for x in 'mississippi'}), {len(w) for w in 'a bb cc ddd'.split()})
nested = {i: {j: i * j for j in range(1, 3)} for i in range(1, 3)}
print(nested)
x = 'keep'
d = {x: x for x in range(2)}
print(d, x)
print({**{k: 0 for k in range(2)}, **{k: 1 for k in range(1, 3)}})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__, {x for x in ()}, {x: 1 for x in ()})
print({frozenset([i]) for i in range(2)} == {frozenset([0]), frozenset([1])})
print({x: y for x, y in zip('abc', range(3)) if y}, {True: 'a', 1: 'b'})
