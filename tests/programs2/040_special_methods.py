# Special methods: __len__, __getitem__, __contains__, __iter__, __call__, __nonzero__, __str__.
class Seq(object):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
    def __contains__(self, x):
        return x == "magic"
    def __call__(self, a):
        return a + self.n
    def __nonzero__(self):
        return self.n > 0
    def __str__(self):
        return "Seq(%d)" % self.n
s = Seq(3)
print len(s), s[1], list(s), "magic" in s, s(10), bool(s), bool(Seq(0))
print s, str(s)
class It(object):
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def next(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print list(It())
print [x for x in It()]
