# Generators: lazy execution order, next(), StopIteration, exhaustion, local state, multiple
# independent instances, generators in for/list/sum.
def counter(limit):
    print('  start')
    n = 0
    while n < limit:
        print('  yielding', n)
        yield n
        n += 1
    print('  end')
g = counter(2)
print('created', type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(next(g, 'exhausted'), list(g))
print(list(counter(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
g1, g2 = fib(), fib()
next(g1); next(g1)
print(next(g1), next(g2))
def empty():
    return
    yield
print(list(empty()), sum(x * x for x in range(5)), max(counter(0), default='none'))
def yields_expressions():
    yield 1 + 1
    yield [i for i in range(3)]
    yield
    yield 'a', 'b'
print(list(yields_expressions()))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
print(list(take(5, squares())))
gen = (c.upper() for c in 'abc')
print(next(gen), list(gen), list(gen))
def in_try():
    try:
        yield 'inside try'
    finally:
        print('  cleanup')
print(list(in_try()))
print(hasattr(g, '__next__'), iter(g) is g, g.__name__, g.__qualname__)
def stateful():
    total = 0
    for i in range(1, 4):
        total += i
        yield total
print(list(stateful()), list(zip(stateful(), 'xyz')))
