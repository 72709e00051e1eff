# FOR_ITER over generators on 2.7: values, exhaustion, StopIteration from the body ending
# the loop (no PEP 479), exceptions through the generator frame, sys.exc_info inside and
# out, re-entry, and close() with and without a handler around the yield.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def chain(*gens):
    for g in gens:
        for x in g:
            yield x


print list(chain(count(3), count(2)))
total = 0
for a in count(4):
    for b in count(a):
        total += a * b
print "total", total


def stops():
    yield 1
    raise StopIteration


for x in stops():
    print "x", x
print "after stops"


def fails():
    yield 1
    raise KeyError("boom")


try:
    for x in fails():
        print "got", x
except KeyError, e:
    tb = sys.exc_info()[2]
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print "caught", repr(e), names


def handler_inside():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__


try:
    raise TypeError("outer")
except TypeError:
    for name in handler_inside():
        print "inside", name, "outside", sys.exc_info()[0].__name__


def running():
    try:
        for x in me:
            pass
    except ValueError, e:
        yield str(e)


me = running()
print [x for x in me]


def plain_loop():
    for i in range(3):
        yield i


def with_finally():
    try:
        yield 1
    finally:
        print "finally ran"


for make in (plain_loop, with_finally):
    g = make()
    g.next()
    print make.__name__, g.close(), g.gi_frame, next(g, "exhausted")
