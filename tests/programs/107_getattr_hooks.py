# Attribute hooks: __getattr__ (missing only), __getattribute__ (everything), __setattr__, __delattr__.
class Fallback:
    real = 'real attr'
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return 'dynamic ' + name[4:]
        raise AttributeError('no %s here' % name)
f = Fallback()
print(f.real, f.dyn_color, getattr(f, 'dyn_x'), hasattr(f, 'dyn_y'), hasattr(f, 'other'))
try:
    f.other
except AttributeError as e:
    print('AttributeError:', e)
class Logged:
    def __init__(self):
        self.log = []
        self.value = 1
    def __getattribute__(self, name):
        if name != 'log':
            object.__getattribute__(self, 'log').append('get ' + name)
        return object.__getattribute__(self, name)
lg = Logged()
lg.value
lg.method = lambda: 0
lg.value
try:
    lg.missing
except AttributeError:
    pass
print(lg.log)
class Guard:
    def __setattr__(self, name, value):
        print('setattr', name, value)
        if name.startswith('_'):
            raise AttributeError('private ' + name)
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)
    def __delattr__(self, name):
        print('delattr', name)
        if name == 'keep':
            raise AttributeError('cannot delete keep')
        object.__delattr__(self, name)
g = Guard()
g.name = 'bob'
g.keep = 1
print(g.name, g.__dict__)
try:
    g._secret = 1
except AttributeError as e:
    print('AttributeError:', e)
del g.name
try:
    del g.keep
except AttributeError as e:
    print('AttributeError:', e)
print(g.__dict__)
class Both:
    def __getattribute__(self, name):
        if name == 'broken':
            raise AttributeError('broken raises')
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'getattr rescued ' + name
b = Both()
print(b.broken, b.anything)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_t', target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        setattr(self._t, name, value)
class T:
    pass
t = T()
p = Proxy(t)
p.x = 42
print(t.x, p.x, 'x' in vars(p), vars(t))
print(getattr(f, 'nope', 'default'), getattr(Fallback, 'real'))
class Recursive:
    def __getattr__(self, name):
        return name * 2
r = Recursive()
print(r.ab, r.__class__.__name__, hasattr(r, '__len__'))
