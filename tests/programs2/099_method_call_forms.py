# Method calls in every form the decoder may pair (attribute load + call) or not:
# methods of new-style and classic classes, shadowed by instance attributes, builtin
# methods, keyword arguments, static and class methods, __getattr__, non-callables,
# wrong argument counts, arguments with branches, and nested calls.
class New(object):
    def __init__(self, n):
        self.n = n
    def add(self, a, b=10, *rest, **kw):
        return self.n + a + b + sum(rest) + sum(kw.values())
    @staticmethod
    def st(x):
        return x * 2
    @classmethod
    def cm(cls, x):
        return cls.__name__, x
    def __getattr__(self, name):
        return lambda *a: (name, a)

class Old:
    def __init__(self, n):
        self.n = n
    def add(self, a, b=1):
        return self.n + a + b

o, c = New(1), Old(2)
print o.add(1), o.add(1, 2), o.add(1, b=5), o.add(1, 2, 3, 4), o.add(1, x=7, b=0)
print o.st(4), o.cm(5), o.missing(1, 2), c.add(3), c.add(3, b=4)
o.add = lambda *a: ('shadowed', a)
print o.add(1, 2)
del o.add
print o.add(2)
words = 'a b c'.split()
words.append('d')
print words, ' '.join(words).upper(), {}.get('k', 'default'), [3, 1, 2].index(2)
print o.add(1 if words else 2, b=(3 and 4)), o.add(o.add(1), o.st(o.add(0)))
print (lambda: 'x').__call__(), New.add(o, 1), New(5).add(1), c.add(*(1, 2))
o.value = 3
for bad in [lambda: o.value(), lambda: c.add(), lambda: o.add(1, 2, b=3),
            lambda: New.add(1), lambda: c.nope(), lambda: None.foo()]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print type(e).__name__, e
