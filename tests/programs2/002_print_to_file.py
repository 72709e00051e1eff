# print >>file writes through the file's write method and keeps its own softspace.
import sys

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

c = Collector()
print >>c, "one", 2
print >>c, "three",
print >>c, "four"
print c.parts
print >>sys.stdout, "to stdout", 5
print >>None, "None means stdout"
print "softspace of c:", c.softspace
