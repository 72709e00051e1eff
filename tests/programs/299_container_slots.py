# __slots__ on subclasses of builtin containers (functools' _HashedSeq is one): slot
# values are kept, deleted, and other attributes are refused.
class Seq(list):
    __slots__ = ("hashvalue",)

    def __init__(self, items):
        self[:] = items
        self.hashvalue = hash(tuple(items))

    def __hash__(self):
        return self.hashvalue


class Table(dict):
    __slots__ = ("label", "count")


class Child(Seq):
    __slots__ = ("extra",)


s = Seq([1, 2, 3])
print(s, s.hashvalue == hash((1, 2, 3)), {s: "ok"}[s])
del s.hashvalue
try:
    s.hashvalue
except AttributeError as e:
    print("AttributeError", e)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError", e)
t = Table(a=1)
t.label = "x"
print(t, t.label, hasattr(t, "count"))
c = Child([4])
c.extra = "e"
print(c, c.extra, c.hashvalue == hash((4,)), hasattr(c, "__dict__"))
