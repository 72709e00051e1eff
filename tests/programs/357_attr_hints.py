# Attribute loads, stores and method calls that repeat on instances while the classes
# change under them: every change must be seen at once (xpython caches what these
# accesses found per code object and class, see src/vm/attr_hints.rs).


class Base(object):
    kind = "base"

    def __init__(self, n):
        self.n = n
        self.tag = "t%d" % n

    def get(self):
        return self.n

    def describe(self):
        return "%s:%s:%s" % (self.kind, self.tag, self.get())


class A(Base):
    pass


class B(Base):
    def get(self):
        return -self.n


class C(Base):
    kind = "c"


class D(Base):
    __slots__ = ()


class E(Base):
    pass


def read_all(objs):
    out = []
    for o in objs:
        out.append((o.n, o.tag, o.get(), o.describe()))
    return out


def bump_all(objs):
    for o in objs:
        o.n = o.n + 1
        o.n += 10


objs = [A(1), B(2), C(3), D(4), E(5), Base(6)]
for _ in range(3):
    print(read_all(objs))
    bump_all(objs)

# A different dict layout for the same class: attributes set in another order.
a2 = A(0)
a2.__dict__.clear()
a2.tag = "late"
a2.n = 99
print(read_all([a2, objs[0]]))

# An instance attribute shadows the method, then goes away again.
b = objs[1]
for step in range(3):
    if step == 1:
        b.get = lambda: "shadowed"
    if step == 2:
        del b.get
    print(step, b.get(), b.describe())

# The method is replaced on the class while calls keep coming.
for step in range(3):
    if step == 1:
        A.get = lambda self: "new A.get %d" % self.n
    print(step, objs[0].get())

# A data descriptor appears on the class: it now wins over the instance dict.
for step in range(3):
    if step == 1:
        C.tag = property(lambda self: "prop", lambda self, v: print("set via property", v))
    c = objs[2]
    c.tag = "stored%d" % step
    print(step, c.tag, c.__dict__.get("tag"))

# A __setattr__ / __getattribute__ hook appears on a base class.
def hooked_set(self, name, value):
    print("hook set", name, value)
    object.__setattr__(self, name, value)


def hooked_get(self, name):
    if name == "n":
        return "hooked n"
    return object.__getattribute__(self, name)


e = objs[4]
for step in range(4):
    if step == 1:
        Base.__setattr__ = hooked_set
    if step == 2:
        Base.__getattribute__ = hooked_get
    if step == 3:
        del Base.__setattr__
        del Base.__getattribute__
    e.n = step
    print(step, e.n, e.tag)

# __class__ assignment moves an instance to another class's hints.
x = A(7)
for step in range(3):
    if step == 1:
        x.__class__ = B
    print(step, type(x).__name__, x.get(), x.n)

# Deleting an attribute: the next load must raise, the next store must add it back.
y = A(8)
for step in range(4):
    if step == 1:
        del y.tag
    if step == 3:
        y.tag = "back"
    try:
        print(step, y.tag)
    except AttributeError as exc:
        print(step, "AttributeError", exc)

# A class attribute read through instances, then shadowed by an instance attribute.
for step in range(3):
    if step == 1:
        objs[0].kind = "own"
    print(step, [o.kind for o in objs])

# __getattr__ only runs for missing attributes.
class WithGetattr(Base):
    def __getattr__(self, name):
        return "missing " + name


w = WithGetattr(9)
for step in range(3):
    if step == 1:
        w.extra = "present"
    if step == 2:
        del w.extra
    print(step, w.extra, w.n)
