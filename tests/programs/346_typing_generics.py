# min-version: 3.12
# needs: stdlib
# typing over PEP 695 generics: ParamSpec and TypeVarTuple classes, recursive aliases,
# generic NamedTuple/TypedDict/Protocol, substitution, pickling and copying TypeVars.
import typing
from typing import *
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class G[**P, T]:
    def call(self, *a: P.args, **k: P.kwargs) -> T: ...
t(lambda: G[[int, str], bool])
t(lambda: G[..., int].__args__)
t(lambda: G.__parameters__)
class V[*Ts]: pass
t(lambda: V[int, str])
t(lambda: V[()])
t(lambda: get_type_hints(G.call))
type LL[T] = list[LL[T]] | T
t(lambda: LL.__value__)
t(lambda: LL[int])
t(lambda: Union[LL, int])
t(lambda: Optional[LL])
t(lambda: Annotated[int, 'meta'])
class NT[T](NamedTuple):
    x: T
t(lambda: NT[int](3))
class TD[T](TypedDict):
    v: T
t(lambda: TD[int](v=1))
t(lambda: typing.Self)
t(lambda: typing.override(lambda: 1).__override__)
T = TypeVar('T')
t(lambda: Callable[[T], T][int])
t(lambda: List[T][int])
t(lambda: (T | int)[str] if False else 'skip')
def deco[**P, R](f: Callable[P, R]) -> Callable[P, R]:
    return f
t(lambda: deco.__type_params__)
t(lambda: get_type_hints(deco))
class Proto[T](Protocol):
    def get(self) -> T: ...
t(lambda: Proto[int])
t(lambda: isinstance(3, Proto) if False else Proto.__parameters__)
t(lambda: typing.get_protocol_members(Proto) if hasattr(typing,'get_protocol_members') else 'n/a')
import pickle
t(lambda: pickle.loads(pickle.dumps(T)) is T)
t(lambda: TypeVar.__name__)
t(lambda: type('X', (Generic[T],), {}).__parameters__)
import copy
t(lambda: copy.deepcopy(T) is T)
