# Reflected operators: __radd__ and friends, subclass-first dispatch, and both sides failing.
class Money:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'Money(%r)' % self.v
    def __add__(self, o):
        print('  Money.__add__', type(o).__name__)
        if isinstance(o, Money):
            return Money(self.v + o.v)
        if isinstance(o, int):
            return Money(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print('  Money.__radd__', type(o).__name__)
        if isinstance(o, int):
            return Money(o + self.v)
        return NotImplemented
    def __rsub__(self, o):
        return Money(o - self.v)
    def __rmul__(self, o):
        return Money(o * self.v)
    def __rtruediv__(self, o):
        return 'rtruediv %r / %r' % (o, self.v)
    def __rpow__(self, o):
        return 'rpow %r ** %r' % (o, self.v)
    def __rmatmul__(self, o):
        return 'rmatmul'
    def __rlshift__(self, o):
        return 'rlshift'
    def __rand__(self, o):
        return 'rand'
    def __rfloordiv__(self, o):
        return 'rfloordiv'
    def __rmod__(self, o):
        return 'rmod'
    def __rdivmod__(self, o):
        return 'rdivmod'
    def __ror__(self, o):
        return 'ror'
    def __rxor__(self, o):
        return 'rxor'
    def __rrshift__(self, o):
        return 'rrshift'
print(Money(5) + 3)
print(3 + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
print(10 - Money(3), 4 * Money(2), 1 / Money(2), 2 ** Money(3), [1] @ Money(0))
print(1 << Money(1), 1 & Money(1), 1 // Money(1), 1 % Money(1), divmod(1, Money(1)), 1 | Money(1), 1 ^ Money(1), 1 >> Money(1))
class Rich(Money):
    def __radd__(self, o):
        print('  Rich.__radd__', type(o).__name__)
        return Rich(o.v * 100 + self.v)
print(Money(1) + Rich(2))
print(Rich(2) + Money(1))
try:
    'text' + Money(1)
except TypeError as e:
    print('TypeError:', e)
class NoOps:
    pass
for f in [lambda: NoOps() + NoOps(), lambda: 1 - NoOps(), lambda: NoOps() ** 2, lambda: [] * NoOps()]:
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
class IntLike(int):
    def __radd__(self, o):
        return 'IntLike.__radd__ wins'
print(1 + IntLike(2), IntLike(2) + 1)
