# List comprehensions: filters, nested loops and their order, nested comprehensions,
# conditional expressions, own scope (loop variables do not leak), closures over them.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x, 3)])
print([[r * 3 + c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
print(['even' if n % 2 == 0 else 'odd' for n in range(4)])
print([c.upper() for c in 'hello' if c not in 'aeiou'])
x = 'unchanged'
squares = [x * 2 for x in range(3)]
print(squares, x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
print([len(w) for w in 'the quick brown fox'.split()])
print([(i, c) for i, c in enumerate('ab')], [a + b for a, b in zip([1, 2], [10, 20])])
print([y for x in [[1, [2]], [3, [4]]] for y in x[1]])
data = {'a': 1, 'b': 2, 'c': 3}
print([k for k, v in data.items() if v > 1], [k * v for k, v in sorted(data.items())])
print([[]for _ in range(2)], [None] * 2 == [None for _ in range(2)])
def outer():
    factor = 3
    return [n * factor for n in range(4)]
print(outer())
print([i for i in range(5)][::-1], [x for x in []], [[y for y in range(x)] for x in range(4)])
print([(lambda v: v + 1)(v) for v in range(3)])
try:
    [1 / (x - 2) for x in range(4)]
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
class K:
    base = [1, 2]
    out = [v * 2 for v in base]
print(K.out)
total = [0]
side = [total.append(total[-1] + v) for v in range(4)]
print(side, total)
