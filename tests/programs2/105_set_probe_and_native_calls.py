# Set probes and direct calls of native methods: keys whose __eq__/__hash__ are Python
# code (raising, or changing the set during the probe), equal keys of different types,
# hash collisions, dummies left by removals, unhashable keys, subclasses overriding
# methods, and builtin methods called with wrong arguments or a foreign self.
from __future__ import print_function
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Key(object):
    def __init__(self, h, name, on_eq=None):
        self.h = h
        self.name = name
        self.on_eq = on_eq

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        if self.on_eq is not None:
            self.on_eq()
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return "Key(%s)" % self.name


# Equal keys of different types, -1's hash, collisions of big ints with small ones.
s = {1, 2, 3, -1, -2}
print(sorted(s), 1.0 in s, True in s, 2.5 in s, -1.0 in s, -2 in s)
print(2 ** 61 in {1}, 2 ** 61 - 1 in {0}, (2 ** 61 + 5) in {5}, 2 ** 64 in s)
nan = float("nan")
print(nan in {nan}, float("nan") in {nan})

# Dummies: removals and re-additions leave deleted slots that probes must pass.
d = set()
for i in range(40):
    d.add(i * 8)
for i in range(0, 40, 2):
    d.remove(i * 8)
for i in range(40):
    if i * 8 in d:
        d.discard(i * 8)
    else:
        d.add(i * 8)
print(list(d) == [i * 8 for i in range(0, 40, 2)] or sorted(d))
print(len(d), 16 in d, 8 in d, -8 in d)

# __eq__ that raises, in every operation that probes.
def boom():
    raise ValueError("eq says no")


boom_a = Key(7, "a", boom)
boom_b = Key(7, "b")
t = {boom_a}
show("in", lambda: boom_b in t)
show("add", lambda: t.add(boom_b))
show("remove", lambda: t.remove(boom_b))
show("discard", lambda: t.discard(boom_b))
print(t == {boom_a}, len(t))

# __eq__ that clears or refills the set while it is being probed.
victim = set()


def clear_victim():
    victim.clear()


victim.update([Key(5, "x", clear_victim), Key(5, "y", clear_victim)])
show("in after clear", lambda: Key(5, "z") in victim)
print(len(victim))
victim.update([Key(5, "x", clear_victim), Key(5, "y")])
show("add after clear", lambda: victim.add(Key(5, "y")))
print(sorted(k.name for k in victim))


def refill():
    for i in range(100, 130):
        victim.add(i)


victim = {Key(9, "p", refill), Key(9, "q", refill)}
show("in after refill", lambda: Key(9, "q") in victim)
print(len(victim))
victim = {Key(9, "p", refill), Key(9, "q", refill)}
show("remove after refill", lambda: victim.remove(Key(9, "q")))
print(len(victim), sum(1 for k in victim if isinstance(k, Key)))

# Unhashable keys; a set looked up as the equal frozenset.
u = {frozenset([1, 2]), 3}
show("list in", lambda: [] in u)
show("set in", lambda: {1, 2} in u)
show("add list", lambda: u.add([]))
show("remove set", lambda: u.remove({2, 1}))
show("discard set", lambda: u.discard({3}))
print(sorted(map(str, u)))

# Subclasses overriding methods and __contains__.


class Loud(set):
    def add(self, x):
        print("Loud.add", x)
        set.add(self, x * 10)

    def __contains__(self, x):
        print("Loud.__contains__", x)
        return set.__contains__(self, x // 10)


ls = Loud()
ls.add(4)
print(4 in ls, 40 in ls, 400 in ls, sorted(ls))
set.add(ls, 5)
print(sorted(ls), set.__contains__(ls, 5))


class Plain(set):
    pass


p = Plain([1])
p.add(2)
print(sorted(p), 2 in p, type(p).__name__)

# Builtin methods with wrong argument counts, keywords, or a foreign self.
e = set()
show("add()", lambda: e.add())
show("add(1, 2)", lambda: e.add(1, 2))
show("add(x=1)", lambda: e.add(x=1))
show("set.add()", lambda: set.add())
show("set.add([], 1)", lambda: set.add([], 1))
show("set.add(frozenset(), 1)", lambda: set.add(frozenset(), 1))
show("pop(1)", lambda: e.pop(1))
show("pop()", lambda: e.pop())
show("remove(9)", lambda: e.remove(9))
show("list.append()", lambda: list.append())
show("list.append(1, 2)", lambda: list.append(1, 2))
show("[].append()", lambda: [].append())
show("{}.get()", lambda: {}.get())
show("dict.get({}, 1, 2, 3)", lambda: dict.get({}, 1, 2, 3))
show("str.join(1, [])", lambda: str.join(1, []))
show("','.join(1)", lambda: ",".join(1))
show("len()", lambda: len())
show("len(1, 2)", lambda: len(1, 2))

# A bound builtin method kept in a variable, and natives that look at the caller's frame.
adder = e.add
adder(3)
adder(3)
print(sorted(e))


def frame_users(a, b=2):
    c = a + b
    return sorted(locals()), sys._getframe().f_code.co_name, sorted(vars())


print(frame_users(1))

# `in` on a list sees the live list: an __eq__ that shrinks or grows it.
box = []


def shrink():
    del box[1:]


def grow():
    if len(box) < 6:
        box.append(Key(1, "late"))


box.extend([Key(1, "a", shrink), Key(1, "b"), Key(1, "c")])
print(Key(1, "c") in box, len(box))
box[:] = [Key(1, "a", grow), Key(1, "b", grow)]
print(Key(1, "late") in box, len(box))
print(Key(1, "b") in (Key(1, "a", grow), Key(1, "b")), 3 in (1, 2, 3.0), 4 in ())
