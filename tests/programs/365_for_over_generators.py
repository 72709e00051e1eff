# FOR_ITER over generators: values, exhaustion, exceptions through the generator frame,
# the handled exception inside and outside, gi_running, re-entry, close and recursion.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def chain(*gens):
    for g in gens:
        for x in g:
            yield x


print(list(chain(count(3), count(2))))
total = 0
for a in count(4):
    for b in count(a):
        total += a * b
print("total", total)

# A generator exhausted, then iterated again: nothing more.
g = count(2)
print([x for x in g], [x for x in g])


# An exception raised inside the generator reaches the loop with both frames.
def fails(n):
    for i in range(n):
        yield i
    raise KeyError("boom")


try:
    for x in fails(2):
        print("got", x)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("caught", repr(e), names)


# An exception handled inside the generator while the consumer handles another.
def handler_inside():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


try:
    raise TypeError("outer")
except TypeError:
    for name in handler_inside():
        print("inside", name, "outside", sys.exc_info()[0].__name__)
print("after", sys.exc_info()[0])


# gi_running while the body runs; re-entering raises ValueError.
def running():
    yield me.gi_running
    try:
        for x in me:
            pass
    except ValueError as e:
        yield str(e)


me = running()
print([x for x in me], me.gi_running)


# A generator whose consumer loop breaks is closed by close(), finally running.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


gen = with_finally()
for x in gen:
    break
gen.close()
print("closed", gen.gi_frame)


# An exception caught inside the generator, then it goes on yielding.
def recovers():
    for i in range(3):
        try:
            if i == 1:
                raise ZeroDivisionError
            yield i
        except ZeroDivisionError:
            yield "recovered"


print(list(recovers()))


# Deep chains of generators nested in for loops hit the recursion limit cleanly.
def nest(depth):
    if depth == 0:
        yield "bottom"
    else:
        for x in nest(depth - 1):
            yield x


print(list(nest(50)))
try:
    for x in nest(100000):
        pass
except RecursionError:
    print("RecursionError")


# A generator raising StopIteration: RuntimeError from 3.7 on, end of iteration before.
def stops():
    yield 1
    raise StopIteration


try:
    print(list(stops()))
    for x in stops():
        print("x", x)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)


# A generator's return value does not leak into the loop; else runs at exhaustion.
for x in count(1):
    print("loop", x)
else:
    print("else")


# Finalizers and generators that yield from inside a loop over another generator.
def pairs():
    for a in count(3):
        for b in count(2):
            yield a, b


print(sum(a * 10 + b for a, b in pairs()))
print(next(x for x in count(5) if x > 2))


# close() of generators suspended with and without a handler around the yield.
def plain_loop():
    for i in range(3):
        yield i


def catches_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("caught GeneratorExit")
            return "value"


def ignores_exit():
    for _ in range(2):
        try:
            yield 1
        except GeneratorExit:
            pass


def in_with():
    class Manager:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            print("exit", exc[0].__name__)

    with Manager():
        yield 1


for make in (plain_loop, catches_exit, ignores_exit, in_with):
    g = make()
    next(g)
    try:
        r = g.close()
        print(make.__name__, "closed", r if r is None else "with a value", g.gi_frame)
    except RuntimeError as e:
        print(make.__name__, "RuntimeError", e)
    print(make.__name__, "then", next(g, "exhausted"))


# RecursionError from generators resumed by nested for loops, while handling another
# exception: it has that one as its context.
def endless():
    for x in endless():
        yield x
    yield 1


try:
    raise KeyError("handled")
except KeyError:
    try:
        for x in endless():
            pass
    except RecursionError as e:
        print("RecursionError with context", repr(e.__context__))


# The frame that resumed a generator is its caller (f_back, sys._getframe(1)).
def frames():
    yield sys._getframe(1).f_code.co_name
    yield sys._getframe().f_back.f_code.co_name


def consumer_loop():
    out = []
    for x in frames():
        out.append(x)
    return out


print(consumer_loop(), [x for x in frames()])
