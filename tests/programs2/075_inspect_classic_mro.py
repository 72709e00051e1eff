# needs: stdlib
# inspect.getmro of classic classes (no object, found through __bases__) and of a
# new-style class with a classic base; the built-in imp module that inspect imports.
import inspect
import imp
class A:
    pass
class B(A):
    pass
class C(object):
    pass
class D(B, C):
    pass
print [c.__name__ for c in inspect.getmro(A)], [c.__name__ for c in inspect.getmro(B)]
print [c.__name__ for c in inspect.getmro(D)], object in inspect.getmro(B)
print inspect.isclass(A), inspect.isclass(A()), inspect.ismethod(A().__init__ if hasattr(A, '__init__') else B.__bases__)
print imp.PY_SOURCE, imp.PKG_DIRECTORY, imp.get_magic() == '\x03\xf3\r\n', imp.new_module('m').__name__
print imp.is_builtin('sys'), imp.is_builtin('math'), imp.is_builtin('inspect'), imp.is_frozen('x')
print [s for s, mode, kind in imp.get_suffixes() if kind == imp.PY_SOURCE]
