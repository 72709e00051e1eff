# Instance attribute stores and loads that repeat on fresh and old instances while their
# dicts change under them (xpython appends a fresh instance's attributes without a probe
# when its dict's key filter proves the name absent, sizes new instance dicts as its
# class's instances usually are, and reads a hinted dict entry without counting a
# reference: see src/vm/attr_hints.rs). The order of `__dict__` must stay the order of
# first insertion, and every change made from Python must be seen at once.


class P(object):
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c

    def total(self):
        return self.a + self.b + self.c


def show(o):
    return sorted(vars(o).items()), list(o.__dict__)


ps = [P(i, i * 2, i * 3) for i in range(5)]
print([p.total() for p in ps])
print([list(p.__dict__) for p in ps[:2]])


# Same class, attributes stored in different orders (alternating instances).
class Q(object):
    def __init__(self, flip):
        if flip:
            self.y = "y"
            self.x = "x"
        else:
            self.x = "x"
            self.y = "y"
        self.z = "z"

    def read(self):
        return self.x + self.y + self.z


qs = [Q(i % 2 == 1) for i in range(6)]
print([(q.read(), list(q.__dict__)) for q in qs])


# Deleting attributes, then adding them again: the re-added name goes last.
class R(object):
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


def redo(o):
    del o.a
    o.a = 10
    del o.b
    o.d = 4
    o.b = 20
    return list(o.__dict__), o.a, o.b, o.c, o.d


for _ in range(3):
    print(redo(R()))
r = R()
del r.c
for _ in range(2):
    r.c = "again"
    print(list(r.__dict__), r.c)
    del r.c
try:
    r.c
except AttributeError as e:
    print("AttributeError", e)


# The instance dict changed from Python between the hinted accesses.
class S(object):
    def __init__(self):
        self.u = 1
        self.v = 2

    def get(self):
        return self.u, self.v


s = S()
for step in range(6):
    if step == 1:
        s.__dict__["u"] = "direct"
    if step == 2:
        s.__dict__.clear()
        s.v = "v first"
        s.u = "u second"
    if step == 3:
        s.__dict__ = {"v": "new dict v", "u": "new dict u", "w": 0}
    if step == 4:
        del s.__dict__["u"]
        s.__dict__["u"] = "u re-added"
    if step == 5:
        s.__dict__.pop("v")
        s.v = "v last"
    print(step, s.get(), list(s.__dict__))
    s.u = s.u
    s.v = s.v

# A dict replaced by one holding other keys before the hinted names.
s2 = S()
s2.__dict__ = dict(("k%d" % i, i) for i in range(12))
s2.u = "u"
s2.v = "v"
print(s2.get(), list(s2.__dict__)[-3:], len(s2.__dict__))


# Many attributes on one instance (past the first resize), then smaller instances of
# the same class, created after it: their dicts start bigger, their order is unchanged.
class T(object):
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i)
        self.last = n


big = T(20)
print(len(big.__dict__), list(big.__dict__)[:3], list(big.__dict__)[-2:], big.f19, big.last)
small = [T(n) for n in (0, 1, 2, 3)]
print([(list(t.__dict__), t.last) for t in small])
again = [T(25), T(5)]
print([len(t.__dict__) for t in again], again[0].f24, again[1].f4, again[1].last)


# `__class__` reassigned between classes whose hints say different things.
class A(object):
    def __init__(self):
        self.n = 1

    def who(self):
        return "A", self.n


class B(object):
    def __init__(self):
        self.m = 2

    def who(self):
        return "B", self.n, self.m


def who_all(objs):
    return [o.who() for o in objs]


objs = [A(), A()]
print(who_all(objs))
objs[1].__class__ = B
objs[1].m = 5
print(who_all(objs), list(objs[1].__dict__))
objs[1].__class__ = A
objs[1].n = 7
print(who_all(objs), list(objs[1].__dict__))


# Hooks, descriptors and slots added to a class after its attributes were hinted.
class H(object):
    def __init__(self, v):
        self.v = v


def set_and_get(o, v):
    o.v = v
    return o.v


h = H(0)
print([set_and_get(h, i) for i in range(3)])
H.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 10)
print([set_and_get(H(0), i) for i in range(3)])
del H.__setattr__
H.v = property(lambda self: "prop", lambda self, value: print("set", value))
print([set_and_get(H(0), i) for i in range(2)])
del H.v
print([set_and_get(H(1), i) for i in range(2)], list(H(3).__dict__))


class W(object):
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


print([set_and_get(W(0), i) for i in range(2)])
try:
    W(0).other = 1
except AttributeError as e:
    print("AttributeError", e)


# A class attribute read through the instance first, then shadowed on it.
class K(object):
    k = "class k"


def read_k(o):
    return o.k


kk = [K(), K()]
print([read_k(o) for o in kk])
kk[1].k = "instance k"
print([read_k(o) for o in kk], vars(kk[0]), vars(kk[1]))
del kk[1].k
print([read_k(o) for o in kk])


# A str subclass as a key of the instance dict, equal to the name.
class Name(str):
    pass


class N(object):
    def __init__(self):
        self.x = 1

    def read(self):
        return self.x


n = N()
print(n.read())
n.__dict__.clear()
n.__dict__[Name("x")] = "from str subclass key"
print(n.read(), [type(k).__name__ for k in n.__dict__])
n.x = "stored over it"
print(n.read(), [type(k).__name__ for k in n.__dict__])


# The instance is its own attribute's value: dropping the attribute frees nothing early.
class Self(object):
    pass


def cycle(o):
    o.me = o
    o.me = o.me.me
    return o.me is o


print(cycle(Self()), cycle(Self()))
