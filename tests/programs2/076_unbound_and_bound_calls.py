# 2.x method calls the loop runs as frames: unbound methods called with an instance of
# their class or a subclass (positional and keyword), with a wrong first argument, with
# none; bound methods held in variables; super().__init__ through a bound method; class
# attributes stored on instances whose dicts differ in layout.
class Base(object):
    def __init__(self, n):
        self.n = n

    def step(self, k=1):
        self.n += k
        return self.n


class Child(Base):
    def __init__(self, n, extra):
        super(Child, self).__init__(n)
        self.extra = extra

    def step(self, k=1):
        Base.step(self, k)
        return Base.step(self, k=k) + self.extra


class Old:
    def get(self):
        return "old"


b, c = Base(1), Child(2, 10)
print Base.step(b), Base.step(c, 5), c.step(), c.step(k=3)
for bad in [lambda: Base.step(1), lambda: Base.step(), lambda: Child.step(b),
            lambda: Old.get(b), lambda: Base.step(b, 1, 2)]:
    try:
        bad()
    except TypeError as e:
        print "TypeError", e
print Old.get(Old())
f = c.step
print f(), f(2), f(k=4)


class P(object):
    def __init__(self, order):
        for name in order:
            setattr(self, name, len(name))

    def touch(self):
        self.a = self.a + 1
        self.b = self.b + 1
        self.c = 5
        return self.a, self.b, self.c


ps = [P("ab"), P("ba"), P("abc"), P("cab"), P("ab")]
ps[4].__dict__[1] = "int key"
for p in ps:
    print p.touch(), sorted(k for k in p.__dict__ if isinstance(k, str))
