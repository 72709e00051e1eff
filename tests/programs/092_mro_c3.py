# Multiple inheritance: C3 linearization, diamond, method resolution, and MRO conflicts.
def names(cls):
    return [c.__name__ for c in cls.__mro__]
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for cls in [K1, K2, K3, Z]:
    print(cls.__name__, names(cls))
class Top:
    def who(self):
        return 'Top'
class Left(Top):
    def who(self):
        return 'Left>' + super().who()
class Right(Top):
    def who(self):
        return 'Right>' + super().who()
class Bottom(Left, Right):
    def who(self):
        return 'Bottom>' + super().who()
print(names(Bottom), Bottom().who())
print(Bottom.mro() == list(Bottom.__mro__), [c.__name__ for c in Left.mro()])
class X: v = 'X'
class Y: v = 'Y'
class XY(X, Y): pass
class YX(Y, X): pass
print(XY.v, YX.v, XY().v)
try:
    class Bad(XY, YX):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Bad2(O, A):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print('TypeError:', e)
class M1:
    def __init__(self):
        print('M1 init')
        super().__init__()
class M2:
    def __init__(self):
        print('M2 init')
        super().__init__()
class Both(M1, M2):
    def __init__(self):
        print('Both init')
        super().__init__()
Both()
print(names(Both), issubclass(Z, E), isinstance(Z(), K3))
