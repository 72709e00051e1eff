# needs: stdlib
# contextlib, enum, types (SimpleNamespace, MappingProxyType...) from the real stdlib.
import contextlib
import enum
import types

@contextlib.contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)
with tag('a') as t:
    print('inside', t)
with contextlib.suppress(KeyError):
    {}['missing']
print('suppressed')
with contextlib.ExitStack() as stack:
    for n in 'xy':
        stack.enter_context(tag(n))
    stack.callback(print, 'callback ran')
try:
    with tag('err'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)

class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], list(Color), Color.RED.name, Color.BLUE.value)
print(Color.RED is Color(1), Color.RED == 1, len(Color), Color.GREEN in Color)
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO > Num.ONE, int(Num.TWO), sorted([Num.TWO, Num.ONE]))
class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1
print(bool(Perm.R | Perm.W), Perm.R in (Perm.R | Perm.X), (Perm.R | Perm.W) & Perm.W == Perm.W)
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value)
try:
    Color(7)
except ValueError as e:
    print(e)
@enum.unique
class U(enum.Enum):
    X = 1
try:
    @enum.unique
    class Dup(enum.Enum):
        X = 1
        Y = 1
except ValueError as e:
    print(e)

ns = types.SimpleNamespace(a=1, b='x')
ns.c = [2]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[2]))
mp = types.MappingProxyType({'k': 1})
print(mp['k'], len(mp), list(mp))
try:
    mp['k'] = 2
except TypeError as e:
    print(e)
print(types.FunctionType, types.BuiltinFunctionType, types.ModuleType('m'), isinstance(len, types.BuiltinFunctionType))
def gen():
    yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(lambda: 0, types.LambdaType))
