# tuple(x) called directly (type.__call__'s shortcut for exact tuple): identity of an exact
# tuple, copies of lists and subclass instances, any iterable, errors, and calls the
# shortcut must not take (subclasses, keywords, other arities, a shadowing name).
from __future__ import print_function
import sys

t = (1, 2, 3)
print(tuple(t) is t)


class T(tuple):
    pass


s = T((4, 5))
c = tuple(s)
print(c, type(c).__name__, c is s)

l = [1, 2]
c = tuple(l)
l.append(3)
print(c, l)

print(tuple(x * x for x in range(4)))
print(tuple("ab"), tuple({"k": 1}), tuple(range(3)), tuple())
print(tuple(iter([7, 8])), tuple(set([9])))


class It(object):
    def __iter__(self):
        return iter([10, 11])


print(tuple(It()))


class GetItem(object):
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i * 10


print(tuple(GetItem()))


def boom():
    yield 1
    raise KeyError("inside")


try:
    tuple(boom())
except KeyError as e:
    print("KeyError", e)

for bad in (5, None, 1.5):
    try:
        tuple(bad)
    except TypeError as e:
        print("TypeError", e)

try:
    tuple(1, 2)
except TypeError as e:
    print("TypeError", e)

try:
    tuple(x=1)
except TypeError as e:
    print("TypeError")


class U(tuple):
    def __new__(cls, it):
        print("U.__new__")
        return tuple.__new__(cls, list(it) + [0])

    def __init__(self, it):
        print("U.__init__")


u = U([1])
print(u, type(u).__name__)


def shadow():
    tuple = list
    return tuple((1, 2))


print(shadow())
print(tuple.__new__(tuple, [3]), tuple.__new__(T, [3]), type(tuple.__new__(T, [3])).__name__)
args = ([5, 6],)
print(tuple(*args), tuple(**{}))
sys.stdout.write("done\n")
