# The with statement: __enter__/__exit__, suppressing exceptions, return through it.
class Ctx(object):
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print "enter", self.name
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print "exit", self.name, t.__name__ if t else None, v
        return self.swallow

with Ctx("a") as n:
    print "body", n
with Ctx("b", True):
    raise ValueError("swallowed")
print "after b"
try:
    with Ctx("c"):
        raise KeyError("kept")
except KeyError, e:
    print "caught", repr(e)
def f():
    with Ctx("d"):
        return "returned"
print f()
for i in range(3):
    with Ctx("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
print "done"
