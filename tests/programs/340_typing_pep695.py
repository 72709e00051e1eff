# min-version: 3.12
# needs: stdlib
# PEP 695 syntax: generic classes, functions and type aliases; _typing's objects.
from typing import TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic

class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item

print(Box.__type_params__, Box.__parameters__)
print(Box.__mro__)
print(Box[int], Box[int].__origin__ is Box, Box[int].__args__)
print(Box(3).get())
(T,) = Box.__type_params__
print(type(T).__name__, T.__name__, repr(T), T.__infer_variance__, T.__covariant__, T.__bound__)
print(T.__module__)

class Bounded[S: (int, str), U: float]:
    pass

S, U = Bounded.__type_params__
print(S.__constraints__, S.__bound__, U.__bound__, U.__constraints__)

class Lazy[V: Undefined]:
    pass

(V,) = Lazy.__type_params__
try:
    V.__bound__
except NameError as e:
    print('NameError', e)
Undefined = bytes
print(V.__bound__)

def first[X](xs: list[X]) -> X:
    return xs[0]

print(first.__type_params__, first([5, 6]))
print(first.__annotations__['xs'])

def outer[**P, R](f):
    return P, R

P, R = outer(None)
print(repr(P), P.args, P.kwargs, P.args.__origin__ is P, type(P).__name__)

def variadic[*Ts]():
    return Ts

Ts = variadic()
print(repr(Ts), Ts.__name__, type(Ts).__name__, [*Ts])

type IntList = list[int]
print(IntList, type(IntList).__name__, IntList.__name__, IntList.__value__)
print(IntList.__type_params__, IntList.__parameters__, IntList.__module__)

type Pair[K, W] = tuple[K, W]
print(Pair.__type_params__, Pair[str, int], Pair[str, int].__origin__ is Pair)
try:
    IntList[int]
except TypeError as e:
    print('TypeError', e)

type Later = Missing
try:
    Later.__value__
except NameError as e:
    print('NameError', e)
Missing = dict
print(Later.__value__)
print(IntList | None, int | IntList)

class Sub[A](Box[A]):
    pass
print(Sub.__mro__, Sub.__parameters__, Sub[int])

class Meth:
    def m[Q](self, q: Q) -> Q:
        return q
print(Meth.m.__type_params__, Meth().m(9))
print(isinstance(T, TypeVar), isinstance(P, ParamSpec), isinstance(Ts, TypeVarTuple))
print(isinstance(IntList, TypeAliasType), issubclass(Box, Generic))
