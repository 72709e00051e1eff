# Nested with statements and exceptions inside them.
class Tag(object):
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print "<%s>" % self.n
        return self
    def __exit__(self, *exc):
        print "</%s>" % self.n
with Tag("a"):
    with Tag("b") as t:
        print "inside", t.n
try:
    with Tag("c"):
        with Tag("d"):
            1 / 0
except ZeroDivisionError, e:
    print "caught", e
