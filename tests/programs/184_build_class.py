# needs: compiler
# __build_class__ called directly: the class body function (taken from a compiled class
# statement), name, bases, metaclass keywords, and how the body namespace becomes the class dict.
FunctionType = type(lambda: 0)
def body_of(src, name):
    module = compile(src, '<body>', 'exec')
    code = [c for c in module.co_consts if hasattr(c, 'co_name') and c.co_name == name][0]
    return FunctionType(code, globals())
body = body_of('class Template:\n    x = 1\n    hello = "world"\n'
               '    def method(self):\n        return "method of " + type(self).__name__\n', 'Template')
C = __build_class__(body, 'C')
print(C.__name__, C.__qualname__, C.x, C.hello, C().method(), C.__bases__, type(C).__name__)
class Base:
    greeting = 'from base'
D = __build_class__(body_of('class Sub:\n    extra = 42\n', 'Sub'), 'D', Base)
print(D.__name__, D.extra, D.greeting, [k.__name__ for k in D.__mro__])
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
E = __build_class__(body_of('class M:\n    a = "a"\n', 'M'), 'E', metaclass=Meta, flavour='spicy')
print(type(E).__name__, E.a)
F = __build_class__(body_of('class P:\n    print("  body runs once, at build time")\n', 'P'), 'F')
print(F.__name__, F.__module__)
def plain():
    not_in_namespace = 1
G = __build_class__(plain, 'G', D, Base)
print([k.__name__ for k in G.__mro__], hasattr(G, 'not_in_namespace'))
for args in [(), (body,), ('not a function', 'X'), (body, 5)]:
    try:
        __build_class__(*args)
    except TypeError as e:
        print('TypeError:', e)
