# Generators: yield, send, next(), generator expressions.
def gen(n):
    for i in range(n):
        yield i * i
print list(gen(5))
g = gen(3)
print g.next(), next(g), g.next()
try:
    g.next()
except StopIteration:
    print "StopIteration"
def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return
e = echo()
e.next()
print e.send("hi"), e.send(3)
print sum(x for x in range(10) if x % 3 == 0)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print list(itertools.islice(fib(), 10))
