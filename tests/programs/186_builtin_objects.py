# Builtins used as first-class objects: property/staticmethod/classmethod/super/object/slice
# created by calling the builtin, builtins passed around as functions, builtin names shadowed.
def getter(self):
    return self._v * 2
def setter(self, v):
    self._v = v
class P:
    v = property(getter, setter, doc='doubled')
    s = staticmethod(lambda a, b: a + b)
    c = classmethod(lambda cls: cls.__name__)
p = P()
p.v = 4
print(p.v, P.v.__doc__, P.s(1, 2), p.s(3, 4), P.c(), p.c())
prop = property()
print(prop.fget, prop.fset, prop.fdel, prop.__doc__)
class Q(P):
    def c_super(self):
        return super(Q, self).c()
print(Q().c_super(), Q.c())
ops = [len, str.upper, abs, sorted, sum, repr, type]
print([f.__name__ for f in ops])
print([op(x) for op, x in zip(ops, ['abc', 'abc', -3, [3, 1], [1, 2], 'q', 1.5])])
print(list(map(int, ['1', '2'])), list(map(str.strip, [' a ', 'b '])), sorted(['b', 'a'], key=str))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9), apply(divmod, 17, 5), apply(isinstance, 1, int), apply(getattr, 'abc', 'upper')())
len_alias = len
def len(x):
    return 'shadowed len'
print(len([1, 2]), len_alias([1, 2]))
del len
print(len([1, 2]))
print(slice(1, 5, 2), object.__name__, type(super).__name__, type(property).__name__, super.__name__)
sl = slice(2, None)
print('abcdef'[sl], list(range(6))[sl])
o = object()
print(type(o) is object, isinstance(o, object), o != object())
class WithSlots:
    __slots__ = ()
print(type(WithSlots.__dict__).__name__, type(P.__dict__['v']).__name__, type(P.__dict__['s']).__name__)
print(P.__dict__['s'].__func__(5, 6), P.__dict__['c'].__func__(Q))
builtin_names = [abs, all, any, ascii, bin, bool, callable, chr, dict, dir, divmod, enumerate, filter, float]
print(all(callable(b) for b in builtin_names), [b.__name__ for b in builtin_names][:5])
