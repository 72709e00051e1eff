# Lambdas: expressions, defaults, closures, immediate invocation, in sort keys and maps.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, b=2), sq.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=5))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])), list(filter(lambda v: v % 2, range(7))))
print(sorted(['ccc', 'a', 'bb'], key=lambda s: -len(s)), max([(1, 'z'), (2, 'a')], key=lambda t: t[1]))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
funcs = {'inc': lambda v: v + 1, 'neg': lambda v: -v, 'half': lambda v: v / 2}
print({name: f(8) for name, f in funcs.items()})
cond = lambda n: 'even' if n % 2 == 0 else 'odd'
print([cond(n) for n in range(4)])
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
y = 5
cap = lambda: y
y = 6
print(cap(), (lambda y=y: y)())
pipeline = [lambda s: s.strip(), str.upper, lambda s: s.replace(' ', '_')]
v = '  make me a const  '
for step in pipeline:
    v = step(v)
print(v)
print((lambda: (yield))().__class__.__name__, type(lambda: 0).__name__)
print((lambda *, k: k)(k='kw'), (lambda a, *r: r)(1, 2, 3))
