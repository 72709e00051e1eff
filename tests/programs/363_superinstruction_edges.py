# Pairs of instructions the decoder may run as one dispatch (superinstructions: a local
# load followed by another load, a constant, an attribute or an operator; a store followed
# by a load; a comparison or `in` followed by its conditional jump; 3.11's PRECALL + CALL)
# behave as the two instructions do: an error in either half names the right line and
# leaves the stack right for the handler, a jump into the second half runs it alone, and
# a __del__ due after the first half runs before the second.
import sys


def trace_line(e):
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_lineno - trace_line.__code__.co_firstlineno


def unbound_second():
    a = 1
    if a > 5:
        b = 2
    try:
        return a + b
    except NameError as e:
        return type(e).__name__, trace_line(e)


print("unbound second load:", unbound_second())


def unbound_second_on_next_line():
    a = 1
    if a > 5:
        b = 2
    try:
        return (a
                +
                b)
    except NameError as e:
        return type(e).__name__, trace_line(e)


print("unbound second load, next line:", unbound_second_on_next_line())


def unbound_first():
    if len(sys.argv) > 99:
        c = 1
    try:
        return c + 1
    except NameError as e:
        return type(e).__name__, trace_line(e)


print("unbound first load:", unbound_first())


class Truthless:
    def __bool__(self):
        raise ValueError("no truth")


class Weird:
    def __eq__(self, other):
        return Truthless()

    def __lt__(self, other):
        raise TypeError("no order")


def compare_then_jump(w):
    out = []
    for probe in (0, 1):
        try:
            if w == probe:
                out.append("eq")
            else:
                out.append("ne")
        except ValueError as e:
            out.append(("bool failed", str(e)))
        try:
            if w < probe:
                out.append("lt")
        except TypeError as e:
            out.append(("compare failed", str(e)))
    return out


print("compare then jump:", compare_then_jump(Weird()))


def contains_then_jump(seq):
    hits = 0
    for i in range(6):
        if i in seq:
            hits += 1
        if i not in seq:
            hits += 10
    return hits


print("contains then jump:", contains_then_jump({1, 3, 5}), contains_then_jump([0, 2]))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def store_then_load():
    x = Noisy("first")
    x = Noisy("second")
    y = x
    print("after rebinding")
    x = 1
    y = 2
    return x + y


print("store then load:", store_then_load())


def attribute_chain(obj):
    total = 0
    for _ in range(3):
        total = total + obj.value
        obj.value = obj.value + 1
    try:
        return obj.missing
    except AttributeError as e:
        return total, trace_line(e)


class Box:
    value = 10


print("attribute chain:", attribute_chain(Box()))


def loop_with_jump_into_pair(n):
    # The loop's back edge lands on the second instruction of a pair in some versions.
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


print("loop:", loop_with_jump_into_pair(10))


def constants_and_ops(k):
    r = []
    r.append(k + 1)
    r.append(k * 2.5)
    r.append(k - 3)
    try:
        r.append(k / 0)
    except ZeroDivisionError as e:
        r.append((str(e), trace_line(e)))
    return r


print("constants and ops:", constants_and_ops(4))


def calls(f, g):
    try:
        return f(1) + g(2)
    except TypeError as e:
        return type(e).__name__, trace_line(e)


print("calls:", calls(abs, abs), calls(abs, None))
