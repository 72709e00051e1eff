# yield from (YIELD_FROM up to 3.10, SEND from 3.11) over generators: values and sent
# values through chains, return values, exceptions both ways with tracebacks, throw() and
# close() into a delegating chain, gi_yieldfrom, re-entry, StopIteration escaping.
import sys


def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return ("leaf", n, total)


def middle(n):
    r = yield from leaf(n)
    print("middle got", r)
    r2 = yield from leaf(1)
    return r, r2


def top():
    r = yield from middle(3)
    print("top got", r)
    return "top done"


print(list(top()))

# Values sent in pass down the chain.
g = top()
print(next(g))
print(g.send(10), g.send(20), g.send(30))
try:
    while True:
        print("sent", g.send(1))
except StopIteration as e:
    print("StopIteration", e.value)


# Exceptions raised in the leaf reach the delegators, with every frame in the traceback.
def bad_leaf():
    yield 1
    raise ValueError("from leaf")


def catcher():
    try:
        yield from bad_leaf()
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        yield "caught %s in %s" % (e, names)


def passes():
    yield from catcher()


print(list(passes()))


def uncaught():
    yield from bad_leaf()


try:
    for x in uncaught():
        print("value", x)
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("uncaught", e, names)


# throw() and close() go down to the leaf.
def listening():
    try:
        yield "ready"
        yield "again"
    except KeyError as e:
        yield "leaf caught %r" % (e,)
    finally:
        print("leaf finally")


def relay():
    r = yield from listening()
    return r


g = relay()
print(next(g), g.gi_yieldfrom.__name__)
print(g.throw(KeyError("k")))
g.close()
print("closed", g.gi_frame, g.gi_yieldfrom)


# A delegating generator re-entered while running.
def reenter():
    yield from inner_reenter()


def inner_reenter():
    try:
        next(outer)
    except ValueError as e:
        yield str(e)


outer = reenter()
print(list(outer))


# StopIteration escaping a leaf: RuntimeError (3.7+) raised into the delegator.
def stops():
    yield 1
    raise StopIteration("stop")


def delegates_stops():
    try:
        yield from stops()
    except RuntimeError as e:
        yield "RuntimeError: %s" % e
    except StopIteration:
        yield "StopIteration"


print(list(delegates_stops()))


# yield from over a non-generator iterator and an exhausted generator.
def mixed():
    yield from [1, 2]
    done = leaf(0)
    r = yield from done
    r2 = yield from done
    yield (r, r2)


print(list(mixed()))


# Deep delegation chains hit the recursion limit cleanly.
def deep(n):
    if n == 0:
        yield "bottom"
        return "back"
    r = yield from deep(n - 1)
    return r


print(list(deep(100)))
try:
    list(deep(100000))
except RecursionError:
    print("RecursionError")

# The handled exception inside a delegated generator.
def handled_leaf():
    try:
        raise IndexError("inner")
    except IndexError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


def handled_relay():
    yield from handled_leaf()


try:
    raise TypeError("outer")
except TypeError:
    for name in handled_relay():
        print("inside", name, "outside", sys.exc_info()[0].__name__)
