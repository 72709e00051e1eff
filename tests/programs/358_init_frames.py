# expect-exit: 1
# full-stderr: yes
# Class calls whose __init__ runs as an ordinary frame (src/vm/call.rs init_call_frame):
# the instance reaches the caller, an exception in __init__ travels through the caller,
# a non-None return is a TypeError raised at the call, deep construction recursion.


class W(object):
    def __init__(self, x):
        self.x = x
        if x == 2:
            raise ValueError("bad %d" % x)
        if x == 3:
            return 5


def make(x):
    return W(x)


print(make(1).x)
try:
    make(2)
except ValueError as e:
    print("caught", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
try:
    make(3)
except TypeError as e:
    print("caught", e)


class Deep(object):
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


try:
    Deep(100000)
except RecursionError as e:
    print("recursion", type(e).__name__)
d = Deep(100)
print(d.child.child is not None)


class Gen(object):
    def __init__(self, n):
        yield n


try:
    Gen(1)
except TypeError as e:
    print("caught", e)


class Defaults(object):
    def __init__(self, a, b=2, *rest, **kw):
        self.total = a + b + sum(rest) + sum(kw.values())


print(Defaults(1).total, Defaults(1, 5, 6, k=7).total)
make(3)
