# Function objects: names, qualnames, docstrings, module, custom attributes, code attributes.
def top(a, b=1, *args, c, **kw):
    """Top-level docstring."""
    x = a + b
    return x
class K:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            pass
print(top.__name__, top.__qualname__, top.__doc__, top.__module__)
print(K.method.__qualname__, K().method().__qualname__, K.Nested.deep.__qualname__, K.Nested.__qualname__)
print((lambda: 0).__qualname__, (lambda: 0).__name__, K.method.__doc__)
c = top.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_varnames, c.co_nlocals)
print(c.co_flags & 0x04 != 0, c.co_flags & 0x08 != 0, c.co_filename.endswith('083_func_attributes.py'))
top.custom = 'attr'
top.__dict__['other'] = 2
print(top.custom, top.other, sorted(top.__dict__))
def renamed():
    pass
renamed.__name__ = 'new_name'
renamed.__qualname__ = 'Q.new_name'
renamed.__doc__ = 'set later'
print(renamed.__name__, renamed.__qualname__, renamed.__doc__)
print(callable(top), type(top).__name__, top.__defaults__, top.__kwdefaults__, top.__globals__ is globals())
def nodoc():
    x = 'not a docstring' if False else None
print(nodoc.__doc__, K.__doc__, K.Nested.deep.__name__)
def g():
    pass
g.__defaults__ = None
print(g.__defaults__, g() is None, top.__code__ is not g.__code__)
bound = K().method
print(bound.__name__, bound.__qualname__, bound.__func__ is K.method, type(bound).__name__)
try:
    top.__name__ = 5
except TypeError as e:
    print('TypeError:', e)
