# min-version: 3.12
# needs: stdlib
# typing's TypeVar, ParamSpec, TypeVarTuple, TypeAliasType and Generic built by hand.
from typing import (TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic,
                    Callable, Concatenate, Unpack)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

T = TypeVar('T')
K = TypeVar('K', covariant=True)
C = TypeVar('C', contravariant=True)
I = TypeVar('I', infer_variance=True)
N = TypeVar('N', int, str)
B = TypeVar('B', bound='Fwd')
print(T, K, C, I, N, B)
print(T.__name__, T.__module__, K.__covariant__, C.__contravariant__, I.__infer_variance__)
print(N.__constraints__, B.__bound__, T.__bound__, T.__constraints__)
show(lambda: TypeVar('X', int))
show(lambda: TypeVar('X', int, str, bound=int))
show(lambda: TypeVar('X', covariant=True, contravariant=True))
show(lambda: TypeVar('X', covariant=True, infer_variance=True))
show(lambda: TypeVar(3))
show(lambda: TypeVar('X', bound=3))
show(lambda: T.__mro_entries__(()))
show(lambda: T.__reduce__())
show(lambda: T | int)
show(lambda: int | T)
show(lambda: T | None)
show(lambda: T.__typing_subst__(int))

P = ParamSpec('P')
print(P, P.args, P.kwargs, P.__name__, P.__bound__, P.__covariant__)
print(P.args == P.args, P.args != P.kwargs, P.args.__origin__ is P)
show(lambda: ParamSpec('Q', int))
print(Callable[P, T], Callable[Concatenate[int, P], T])
print(Callable[P, T][[int, str], bool])

Ts = TypeVarTuple('Ts')
print(Ts, Ts.__name__, list(Ts), Unpack[Ts])
show(lambda: Ts.__typing_subst__(int))
print(tuple[*Ts], tuple[int, *Ts])

class Stack(Generic[T]):
    def __init__(self):
        self.items: list[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)

print(Stack.__parameters__, Stack[int], Stack[int]().__class__)
s = Stack[str]()
s.push('a')
print(s.items, Stack.__mro__)
show(lambda: Generic[int])
show(lambda: Generic[T, T])
class Two(Generic[K, C]):
    pass
print(Two[int, str], Two.__parameters__)
show(lambda: Two[int])

A = TypeAliasType('A', list[T], type_params=(T,))
print(A, A.__name__, A.__value__, A.__type_params__, A.__parameters__, A.__module__)
print(A[int], A[int].__args__)
show(lambda: TypeAliasType('A', int, type_params=3))
show(lambda: TypeAliasType('A', int)[int])
show(lambda: TypeAliasType(1, int))
print(list[T].__parameters__, list[T][int], dict[str, T][int])
print((int | list[T]).__parameters__)
