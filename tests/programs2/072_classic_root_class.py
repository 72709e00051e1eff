# hash-order: yes
# A root classic class: no bases, no object in its MRO, classobj and instance types;
# a new-style base makes a new-style class.
class A:
    def hello(self):
        return 'A.hello'
class B(A):
    pass
class C(object):
    pass
class D(A, C):
    pass
print A.__bases__, B.__bases__ == (A,), len(B.__bases__)
print type(A), type(B), type(A()), type(B())
print type(A).__name__, type(A()).__name__, A().__class__ is A
print hasattr(A, '__mro__'), hasattr(B, 'mro'), hasattr(C, '__mro__')
for cls in (A, B):
    try:
        cls.__mro__
    except AttributeError, e:
        print 'AttributeError:', e
def bases_walk(cls, out=None):
    # inspect.getmro's search for classes without __mro__
    if out is None:
        out = []
    if cls not in out:
        out.append(cls)
        for b in cls.__bases__:
            bases_walk(b, out)
    return out
print [c.__name__ for c in bases_walk(B)], object in bases_walk(B)
print type(D), [c.__name__ for c in D.__mro__], D().hello()
print isinstance(A(), A), isinstance(B(), A), issubclass(B, A), isinstance(A(), object)
print str(A), str(B), repr(A).startswith('<class __main__.A at 0x'), repr(A()).startswith('<__main__.A instance at 0x')
print A.__dict__.keys(), sorted(B.__dict__.keys())
a = A()
a.x = 1
a.y = 2
print a.__dict__, vars(a) is a.__dict__
try:
    a.missing
except AttributeError, e:
    print 'AttributeError:', e
try:
    A.missing
except AttributeError, e:
    print 'AttributeError:', e
try:
    C().missing
except AttributeError, e:
    print 'AttributeError:', e
print A.hello, B.hello.im_class is B, A.__name__, A.__module__, A.__doc__
class WithDoc:
    "the doc"
print WithDoc.__doc__, WithDoc.__dict__.keys()
