# Keyword-only parameters: bare *, after *args, defaults in __kwdefaults__, error messages.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=5, b=4), f(a=0, b=0))
print(f.__kwdefaults__, f.__defaults__, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
def g(*args, sep='-', end='!'):
    return sep.join(map(str, args)) + end
print(g(1, 2, 3), g(1, 2, sep='+'), g(end='?'), g())
def h(*, only):
    return only
print(h(only='yes'))
for call in [lambda: f(1, 2), lambda: f(1), lambda: h(), lambda: h(1), lambda: f(1, b=2, d=4),
             lambda: g(1, sepx=',')]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
def k(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, sorted(kw.items())
print(k(1, c=3), k(1, 2, 3, 4, c=5, z=6, y=7), k(c=1, a=0))
opts = {'b': 'B', 'c': 'C'}
print(f('A', **opts))
f.__kwdefaults__ = {'c': 'changed', 'b': 'now-default'}
print(f(1))
