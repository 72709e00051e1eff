# dict comprehensions and constructors from iterables; key collisions keep the last value.
squares = {n: n * n for n in range(6)}
print(squares)
print({n: n * n for n in range(10) if n % 3 == 0})
print({k: v for k, v in zip('abc', [1, 2, 3])})
print({v: k for k, v in squares.items()})
print({x % 3: x for x in range(10)})
print({(i, j): i * j for i in range(3) for j in range(i)})
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({len(w): w for w in words})
print(dict((k, len(k)) for k in words if 'e' in k))
inv = {}
for w in words:
    inv.setdefault(len(w), []).append(w)
print(inv)
matrix = {r: {c: r * 3 + c for c in range(3)} for r in range(2)}
print(matrix, matrix[1][2])
x = 'outer'
print({x: x * 2 for x in 'ab'}, x)
print({str(i): i for i in range(3)} == dict(zip(['0', '1', '2'], range(3))))
pairs = [('a', 1), ('b', 2), ('a', 3)]
print(dict(pairs), {k: v for k, v in pairs}, dict(reversed(pairs)))
