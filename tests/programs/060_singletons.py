# NotImplemented and Ellipsis: reprs, identity, and NotImplemented's role in binary operators.
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(Ellipsis, ..., repr(...), ... is Ellipsis, type(...).__name__, Ellipsis == ...)
print((1).__add__('x'), 'a'.__lt__(1), [].__eq__(5), (1).__eq__(1.0), (1.0).__eq__(1))
class A:
    def __eq__(self, other):
        print('A.__eq__')
        return NotImplemented
    def __add__(self, other):
        return NotImplemented
class B:
    def __eq__(self, other):
        print('B.__eq__')
        return NotImplemented
    def __radd__(self, other):
        return 'B.__radd__'
print(A() == B())
print(A() != B())
print(A() + B())
try:
    A() + 1
except TypeError as e:
    print('TypeError:', e)
def f(x=...):
    return 'default' if x is ... else x
print(f(), f(1), [1, ...], (..., ...))
x = ...
print(x, x is Ellipsis, {Ellipsis: 'e'}[...], str(...))
