# needs: compiler
# Messages of argument-binding errors: calling Python functions, methods, classes and builtins
# with wrong arguments; unpacking errors.
def f(a, b, c=3, *, d, e=5):
    pass
def g(x):
    pass
def h(*, k):
    pass
class C:
    def m(self, x):
        pass
    def __init__(self, v):
        pass
tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=0),
    lambda: f(1, 2, d=0, z=1),
    lambda: f(1, 2, a=1, d=0),
    lambda: g(),
    lambda: g(1, 2),
    lambda: g(y=1),
    lambda: h(1),
    lambda: h(),
    lambda: C(),
    lambda: C(1, 2),
    lambda: C(1).m(),
    lambda: C(1).m(1, 2),
    lambda: C.m(1),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(1, 2),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: 'x'.split(1),
    lambda: int(1, 2, 3),
    lambda: print(sepp=''),
    lambda: sorted([1], key=1, bad=2),
    lambda: divmod(1),
    lambda: isinstance(1),
    lambda: max(),
    lambda: min([]),
    lambda: getattr(),
    lambda: dict(1, 2),
    lambda: [].sort(1),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, 'no error')
    except Exception as e:
        print(i, type(e).__name__ + ':', e)
for src in ['a, b = [1, 2, 3]', 'a, b, c = [1]', 'a, *b, c = [1]', 'a, b = 1', '(a, b), c = [1, 2, 3], 3']:
    try:
        exec(src, {})
    except Exception as e:
        print(src, '->', type(e).__name__ + ':', e)
