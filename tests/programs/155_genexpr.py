# Generator expressions: laziness, the first iterable evaluated eagerly, scoping,
# single-use exhaustion, and use as sole call argument.
log = []
def src(n):
    log.append('src called')
    return range(n)
def trace(x):
    log.append('trace %d' % x)
    return x * 10
ge = (trace(x) for x in src(3))
print('after creation:', log)
print(next(ge), log)
print(list(ge), log)
print(list(ge))
try:
    gg = (x for x in 5)
except TypeError as e:
    print('eager iter error:', e)
x = 'outer'
ge2 = (x for x in 'ab')
print(list(ge2), x)
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']), sorted(c for c in 'bca'))
print(any(v > 3 for v in [1, 5, 2]), all(v > 0 for v in []), ','.join(str(i) for i in range(3)))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
nested = (sum(row) for row in ((r * 3 + c for c in range(3)) for r in range(2)))
print(list(nested))
n = 2
scaled = (v * n for v in [1, 2, 3])
n = 100
print(list(scaled))
items = [1, 2, 3]
g3 = (v for v in items)
items.append(4)
print(list(g3))
items2 = [1, 2, 3]
g4 = (v for v in items2)
items2 = [9]
print(list(g4))
filtered = (w.upper() for w in 'one two three four'.split() if 'o' in w)
print(list(filtered), type(filtered).__name__)
print(dict((k, len(k)) for k in ['ab', 'c']), set(v % 3 for v in range(10)), tuple(i for i in 'xy'))
