# Calls the loop runs as frames: bound methods held in variables (positional, keyword,
# *args, defaults, generators, wrong counts), class calls whose __init__ changes code or
# whose class becomes abstract later, builtin type calls, and attributes stored on
# instances whose dicts differ in layout.
class K(object):
    def __init__(self, n):
        self.n = n

    def add(self, a, b=10, *rest, **kw):
        return self.n + a + b + sum(rest) + sum(kw.values())

    def gen(self, k):
        for i in range(k):
            yield self.n * i

    @classmethod
    def make(cls, n):
        return cls(n)


k = K(1)
f = k.add
print(f(1), f(1, 2), f(1, b=5), f(1, 2, 3, 4), f(1, x=7, b=0), f(*(1, 2)), f(**{"a": 3}))
g = k.gen
print(list(g(4)), list(g(k=2)))
m = K.make
print(m(5).n, type(m(6)).__name__)
for bad in [lambda: f(), lambda: f(1, a=2), lambda: g(), lambda: g(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


def init2(self, a, b):
    self.n = a * b


class L(object):
    def __init__(self, n):
        self.n = n


print(L(3).n)
L.__init__.__code__ = init2.__code__
print(L(3, 4).n)
try:
    L(3)
except TypeError as e:
    print("TypeError", e)


class A(object):
    def __init__(self):
        self.ok = True


print(A().ok)
A.__abstractmethods__ = frozenset(["f"])
try:
    A()
except TypeError as e:
    print("TypeError", e)
A.__abstractmethods__ = frozenset()
print(A().ok)


class Sub(list):
    pass


w = [1, 2, 3]
print(tuple(w), frozenset(w) == {1, 2, 3}, Sub(w), type(Sub(w)).__name__, list(tuple(w)))
try:
    tuple(1, 2)
except TypeError as e:
    print("TypeError", e)


class P(object):
    def __init__(self, order):
        for name in order:
            setattr(self, name, len(name))

    def touch(self):
        self.a = self.a + 1
        self.b = self.b + 1
        self.c = 5
        return self.a, self.b, self.c


ps = [P("ab"), P("ba"), P("abc"), P("cab"), P("ab")]
ps[4].__dict__[1] = "int key"
for p in ps:
    print(p.touch(), sorted(k for k in p.__dict__ if isinstance(k, str)))
del ps[0].a
ps[0].a = 100
print(ps[0].touch())
