# hash() of ints and tuples (deterministic in CPython), hash/eq consistency, id() identity.
for n in [0, 1, -1, -2, 2, 10 ** 6, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 64 + 5, -(2 ** 61), -(2 ** 100), 2 ** 100]:
    print(n, hash(n))
print(hash(True), hash(False), hash(1) == hash(1.0), hash(0) == hash(-0.0))
for t in [(), (1,), (1, 2), (2, 1), (1, (2, 3)), ((), ()), (0, 0, 0), (-1,), (True, 1)]:
    print(t, hash(t))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2)), hash((1, 2)) != hash((2, 1)))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
x = object()
print(id(x) == id(x), isinstance(id(x), int), id(None) == id(None))
def f():
    pass
g = f
print(id(f) == id(g), id(f.__code__) == id(g.__code__))
s = {1, 2}
t = s
t.add(3)
print(s, id(s) == id(t))
d = {}
d[(1, 2)] = 'tuple key'
d[10 ** 20] = 'big key'
print(d[(1, 2)], d[10 ** 20], d.get((2, 1)))
for bad in [[], {}, set(), ([],), bytearray()]:
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
print(hash(H(42)), hash(H(-1)), hash(H(2 ** 70)) == hash(2 ** 70))
