# Bases that inherit the same __slots__ from one class do not conflict; bases that add
# their own do.
class S:
    __slots__ = ()
class T(list, S):
    pass
print(T([1]))
import collections.abc as cabc
class W(list, cabc.MutableSequence): pass
print(W([2]))
class M:
    __slots__ = ("_m",)
class M1(M):
    __slots__ = ()
class M2(M):
    __slots__ = ()
class Both(M1, M2):
    __slots__ = ()
print(Both.__mro__[1].__name__, hasattr(Both(), "__dict__"))
class N:
    __slots__ = ("_n",)
try:
    class Bad(M, N): pass
except TypeError as e:
    print(e)
