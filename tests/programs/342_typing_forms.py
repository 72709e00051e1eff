# min-version: 3.9
# needs: stdlib
# typing's special forms: Protocol, get_type_hints, NamedTuple, TypedDict, Literal,
# Union/Optional reprs, Generic subscription and substitution.
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal,
                    NamedTuple, Optional, Protocol, Tuple, TypedDict, TypeVar, Union,
                    get_type_hints, runtime_checkable)

T = TypeVar('T')
KT = TypeVar('KT')
print(Union[int, str], Optional[int], Union[int, None, str], Union[int])
print(List[int], Dict[str, List[T]], Tuple[int, ...], Callable[[int], str])
print(Literal[1, 'a'], Literal[True], ClassVar[int], Final[str], Any)
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
print(Dict[KT, T][str, int], List[T].__parameters__, Dict[str, List[T]].__parameters__)
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]))

class Pair(Generic[KT, T]):
    def __init__(self, k: KT, v: T):
        self.k, self.v = k, v
print(Pair[str, int], Pair.__parameters__, Pair[str, int](1, 2).v)
try:
    Pair[int]
except TypeError as e:
    print('TypeError', e)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

class File:
    def close(self):
        pass
print(isinstance(File(), Closer), isinstance(3, Closer))
try:
    Closer()
except TypeError as e:
    print('TypeError', e)

class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int:
        return self.x * self.x + self.y * self.y

p = Point(3)
print(p, p.norm(), Point._fields, Point._field_defaults, p._replace(y=4))
print(Point.__annotations__)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__)

class Movie(TypedDict):
    title: str
    year: int

class Partial(TypedDict, total=False):
    rating: float

m = Movie(title='x', year=1)
print(m, type(m), sorted(Movie.__required_keys__), Partial.__optional_keys__)
print(sorted(Movie.__annotations__))

class Node:
    left: 'Optional[Node]'
    value: int
    def method(self, x: 'List[int]', y: float = 1.0) -> 'Node':
        return self

print(get_type_hints(Node))
print(get_type_hints(Node.method))
def f(a: int, b: Optional[str] = None) -> Dict[str, int]:
    return {}
print(get_type_hints(f))
print(typing.cast(int, 'x'), typing.TYPE_CHECKING)
UserId = typing.NewType('UserId', int)
print(UserId(5), UserId.__name__)
@typing.overload
def g(x: int) -> int: ...
def g(x):
    return x
print(g(3))
