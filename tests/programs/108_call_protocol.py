# __call__: callable instances, stateful callables, callable() checks, classes as factories.
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, *rest, scale=1):
        self.calls += 1
        return (x + self.n + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(x=2, scale=10), add5.calls, callable(add5))
print(list(map(add5, [10, 20])), sorted([3, 1, 2], key=Adder(-10)))
class NotCallable:
    pass
print(callable(NotCallable), callable(NotCallable()), callable(len), callable(lambda: 0), callable(3))
try:
    NotCallable()()
except TypeError as e:
    print('TypeError:', e)
class Chain:
    def __init__(self, parts=()):
        self.parts = parts
    def __call__(self, part):
        return Chain(self.parts + (part,))
    def __repr__(self):
        return '/'.join(self.parts)
print(Chain()('usr')('local')('bin'))
class Later:
    pass
inst = Later()
inst.__call__ = lambda: 'instance attribute is ignored'
try:
    inst()
except TypeError as e:
    print('TypeError:', e)
Later.__call__ = lambda self: 'class attribute works'
print(inst(), callable(inst))
class Factory:
    def __call__(self, cls, *a):
        return cls(*a)
print(Factory()(list, 'abc'), Factory()(int, '42'))
class Meta(type):
    def __call__(cls, *a):
        return 'intercepted %s%r' % (cls.__name__, a)
class Intercepted(metaclass=Meta):
    pass
print(Intercepted(1, 2))
def func():
    return 'plain'
print(func.__call__(), type(func).__call__(func), len.__call__([1, 2]))
