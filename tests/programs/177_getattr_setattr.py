# getattr/setattr/hasattr/delattr on instances, classes, modules-like objects and builtins;
# defaults, errors, and interaction with properties and __getattr__.
class Obj:
    cls_attr = 'class level'
    def __init__(self):
        self.x = 1
    @property
    def prop(self):
        return 'property value'
    @property
    def broken(self):
        raise AttributeError('inside property')
    @property
    def broken_other(self):
        raise ValueError('not an AttributeError')
o = Obj()
print(getattr(o, 'x'), getattr(o, 'cls_attr'), getattr(o, 'prop'), getattr(o, 'missing', 'default'), getattr(o, 'x', 'unused'))
setattr(o, 'y', 2)
setattr(o, 'with space', 3)
print(o.y, getattr(o, 'with space'), sorted(vars(o)))
print(hasattr(o, 'x'), hasattr(o, 'nope'), hasattr(o, 'prop'), hasattr(o, 'broken'), hasattr(Obj, 'prop'))
try:
    hasattr(o, 'broken_other')
except ValueError as e:
    print('hasattr propagated ValueError:', e)
delattr(o, 'y')
print(hasattr(o, 'y'))
for bad in [lambda: getattr(o, 'nope'), lambda: delattr(o, 'nope'), lambda: setattr(o, 'prop', 1),
            lambda: getattr(o, 5), lambda: setattr(1, 'real', 2), lambda: setattr(object(), 'a', 1),
            lambda: delattr(Obj, 'nope'), lambda: getattr(o, 'broken')]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
setattr(Obj, 'added', lambda self: 'added method')
print(o.added(), getattr(Obj, 'added')(o), getattr(o, 'added')())
print(getattr(1, 'real'), getattr('abc', 'upper')(), getattr([], '__len__')(), getattr(int, '__name__'))
print(getattr(o, 'x', None) is not None, getattr(None, 'x', 'none has no x'))
names = ['alpha', 'beta']
for i, n in enumerate(names):
    setattr(o, n, i)
print([getattr(o, n) for n in names], {k: v for k, v in vars(o).items() if k in names})
class Dyn:
    def __getattr__(self, name):
        return 'dyn-' + name
d = Dyn()
print(getattr(d, 'anything'), hasattr(d, 'whatever'), getattr(d, 'x', 'not used'))
