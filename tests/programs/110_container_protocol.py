# Container protocol: __getitem__/__setitem__/__delitem__ (ints, slices, tuples, keys),
# __contains__, __len__, __bool__ and the __len__ fallback for truthiness, __reversed__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError('cell %r out of range' % (key,))
            return self.cells.get(key, '.')
        if isinstance(key, slice):
            return 'slice(%s,%s,%s)' % (key.start, key.stop, key.step)
        raise TypeError('bad key ' + type(key).__name__)
    def __setitem__(self, key, value):
        print('set', key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
    def __len__(self):
        return len(self.cells)
g = Grid(3, 2)
g[0, 1] = 'X'
g[2, 0] = 'O'
print(g[0, 1], g[1, 1], g[1:5:2], g[::], len(g), 'X' in g, 'Z' in g, 'Z' not in g, bool(g))
del g[0, 1]
print(len(g))
for bad in [lambda: g[5, 5], lambda: g['k'], lambda: g.__delitem__((9, 9))]:
    try:
        bad()
    except (IndexError, TypeError, KeyError) as e:
        print(type(e).__name__ + ':', e)
class Empty:
    def __len__(self):
        return 0
class Truthy:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Empty()), bool(Truthy()), 'yes' if Empty() else 'no', not Truthy())
class BadLen:
    def __len__(self):
        return -1
class BadBool:
    def __bool__(self):
        return 1
for obj in [BadLen(), BadBool()]:
    try:
        bool(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    len(BadLen())
except ValueError as e:
    print('ValueError:', e)
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __reversed__(self):
        return iter(['reversed!'] + self.items[::-1])
s = Seq(1, 2, 3)
print(list(s), list(reversed(s)), 2 in s, s[-1], s[0:2], len(s))
class NoRev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return 'abc'[i]
print(list(reversed(NoRev())), ''.join(NoRev()))
class Missing(dict):
    def __missing__(self, key):
        return 'missing:' + key
m = Missing(a='1')
print(m['a'], m['zz'], m.get('zz'), 'zz' in m)
