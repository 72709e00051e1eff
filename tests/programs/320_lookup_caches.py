# The interpreter's lookup caches (type attribute cache, LOAD_GLOBAL hints, fast paths for
# ints, floats and list/tuple items) never give a stale answer: class attributes and
# methods changed, added and deleted after use, MRO-shadowing, __bases__-free subclass
# changes, globals shadowing builtins and deleted again, one code object run with two
# globals dicts, and the edges of the arithmetic fast paths.
import sys


class Base(object):
    kind = "base"

    def greet(self):
        return "base greet"


class Child(Base):
    pass


c = Child()
results = []
for step in range(4):
    results.append((c.kind, c.greet()))
    if step == 0:
        Base.kind = "changed"
        Base.greet = lambda self: "patched greet"
    elif step == 1:
        Child.kind = "child"
        Child.greet = lambda self: "child greet"
    elif step == 2:
        del Child.kind
        del Child.greet
print(results)

# An instance attribute shadows a non-data descriptor, a data descriptor wins over it.
class P(object):
    def m(self):
        return "method"

    @property
    def prop(self):
        return "property"


p = P()
print(p.m(), p.prop)
p.__dict__["m"] = lambda: "instance"
p.__dict__["prop"] = "ignored"
print(p.m(), p.prop)
P.prop = "plain now"
print(p.prop)


# Globals shadowing builtins, then deleted.
def use_len():
    return len("abc")


out = [use_len()]
len = lambda s: 99
out.append(use_len())
del len
out.append(use_len())
print(out)


# A global function redefined between calls.
def helper():
    return 1


def call_helper():
    return helper()


out = [call_helper()]


def helper():
    return 2


out.append(call_helper())
globals()["helper"] = lambda: 3
out.append(call_helper())
print(out)

# The same function code run with two different globals dicts.
source_code = call_helper.__code__
g1 = {"helper": lambda: "g1"}
g2 = {"helper": lambda: "g2", "__builtins__": __builtins__}
f1 = type(call_helper)(source_code, g1)
f2 = type(call_helper)(source_code, g2)
print(f1(), f2(), f1(), f2())

# Arithmetic edges of the fast paths.
big = sys.maxsize
print(big + 1, -big - 2, big * 2, (-big - 1) // -1, (-big - 1) % -1)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, 7 // 2, -7 % -2)
print(1 / 3, 2 ** 53 / 3, (2 ** 53 + 1) / 3, 10 / 4, -9 / 2)
print(0.1 + 0.2, 1.5 * 2, 3 - 0.5, 2 ** 60 + 0.5, 0.5 + 2 ** 60)
for a, b in [(1, 0), (1.0, 0.0), (1, 0.0)]:
    for op in (lambda x, y: x / y, lambda x, y: x // y, lambda x, y: x % y):
        try:
            op(a, b)
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
print(1 < 2.5, 2.0 == 2, 3 > True, -1 < -1.0)

# List and tuple items through the fast paths, and their errors.
items = [1, 2, 3]
t = (4, 5, 6)
items[-1] = 30
items[0] = items[1] + t[-3]
print(items, t[2], t[-1], items[-3])
for bad in (3, -4, big):
    try:
        items[bad]
    except IndexError as e:
        print("get", e)
    try:
        items[bad] = 0
    except IndexError as e:
        print("set", e)
    try:
        t[bad]
    except IndexError as e:
        print("tuple", e)


class L(list):
    def __getitem__(self, i):
        return "sub %r" % (i,)


print(L([1, 2])[0], True + True, [10, 20][True])
a, b = [1, 2]
c, d = (3, 4)
try:
    e, f = [1, 2, 3]
except ValueError as err:
    print(err)
print(a, b, c, d)
