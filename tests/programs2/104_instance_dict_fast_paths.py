# hash-order: yes
# Instance attribute stores and loads that repeat on fresh and old instances, of classic
# and new-style classes, while their dicts change under them (xpython's attribute hints
# and instance dict sizing, see src/vm/attr_hints.rs; 2.x dicts keep 2.7's hash order,
# which `__dict__` shows).


class Classic:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


class New(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


class Wide(object):
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i)
        self.last = n


def redo(o):
    del o.a
    o.a = 10
    o.c = 3
    return sorted(o.__dict__.items()), o.__dict__.keys(), o.total()


for cls in (Classic, New):
    objs = [cls(i, i * 2) for i in range(4)]
    print [o.total() for o in objs], objs[0].__dict__.keys()
    for _ in range(2):
        print redo(cls(1, 2))
    o = cls(5, 6)
    for step in range(4):
        if step == 1:
            o.__dict__["a"] = 50
        if step == 2:
            o.__dict__.clear()
            o.b = 7
            o.a = 8
        if step == 3:
            o.__dict__ = {"a": 1, "b": 2, "z": 26}
        print step, o.total(), o.__dict__.keys()
        o.a = o.a
        o.b = o.b

big = Wide(20)
print len(big.__dict__), big.__dict__.keys()
print [w.__dict__.keys() for w in (Wide(0), Wide(2), Wide(5))]

c = Classic(1, 2)
c.__class__ = Classic
n = New(3, 4)


class New2(object):
    def total(self):
        return "New2", self.a


n.__class__ = New2
print c.total(), n.total()
n.__class__ = New
n.b = 40
print n.total(), sorted(n.__dict__.items())

for bad in (None, [("a", 1)]):
    try:
        c.__dict__ = bad
    except TypeError as e:
        print "TypeError", e
try:
    del c.__dict__
except TypeError as e:
    print "TypeError", e
print c.total(), sorted(c.__dict__.items())
