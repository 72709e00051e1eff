# Suspended generators freed without being exhausted: with nothing around the yield they
# are simply freed (their locals go at once), else close() runs their handlers; the order
# of __del__s, weakref callbacks and finally blocks, in loops, any(), cycles and delegation.
from __future__ import print_function
import gc
import weakref


class Noisy(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def plain():
    n = Noisy("plain local")
    for i in range(10):
        yield i
    print("never")


g = plain()
print(next(g))
r = weakref.ref(g, lambda ref: print("weakref callback"))
del g
print("after del plain")


def with_finally():
    n = Noisy("finally local")
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")


g = with_finally()
next(g)
del g
print("after del finally")


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise


g = catches()
next(g)
g = None
print("after del catches")


def inner():
    try:
        yield "inner"
    finally:
        print("inner finally")


def outer():
    n = Noisy("outer local")
    yield (yield from inner()) if False else None
    yield from inner()


g = outer()
next(g)
next(g)
del g
print("after del outer")

print(any(Noisy("item %d" % d) is not None for d in range(5)))
print("after any")

print(any(d == 3 for d in (1, 3, 5)), any(d == 4 for d in (1, 3, 5)))


def counter():
    while True:
        yield Noisy("yielded")


for x in counter():
    break
print("after break")
del x
print("after del x")


def cyc():
    me = yield
    n = Noisy("cycle local")
    yield me


g = cyc()
next(g)
g.send(g)
del g
print("before collect")
gc.collect()
print("after collect")


def nested():
    for a in range(3):
        for b in range(3):
            yield a, b


g = nested()
print(next(g), next(g))
del g
print("done")
