# min-version: 3.13
# needs: stdlib
# PEP 696 type parameter defaults (3.13): __default__, has_default(), NoDefault.
import typing
from typing import TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

T = TypeVar('T', default=int)
U = TypeVar('U')
print(T.__default__, T.has_default(), U.__default__, U.has_default(), NoDefault)
print(type(NoDefault).__name__, NoDefault.__reduce__(), TypeVar('N', default=None).has_default())
P = ParamSpec('P', default=[int, str])
Ts = TypeVarTuple('Ts', default=tuple[int, ...])
print(P.__default__, P.has_default(), Ts.__default__, Ts.has_default())
show(lambda: type(NoDefault)())
show(lambda: type(NoDefault)(1))

class Box[V = str]:
    pass
(V,) = Box.__type_params__
print(V, V.__default__, V.has_default(), Box[int], Box[()] if False else '')

class Lazy[W = Later]:
    pass
(W,) = Lazy.__type_params__
print(W.has_default())
show(lambda: W.__default__)
Later = float
print(W.__default__)

class G(Generic[U, T]):
    pass
print(G[str], G[str, bytes])
show(lambda: G[()])
type A[X, Y = int] = dict[X, Y]
print(A.__type_params__, A.__type_params__[1].__default__)
show(lambda: TypeAliasType('B', int, type_params=(T, U)))
print(TypeAliasType('C', int, type_params=(U, T)).__type_params__)
def f[**Q = [int]](): return Q
print(f().__default__)
