# Classic (old-style) classes: their type, repr, MRO and instances.
class Old:
    x = 1
    def m(self):
        return "m of %s" % self.__class__.__name__

class OldChild(Old):
    pass

class New(object):
    pass

print Old
print type(Old), type(OldChild)
print type(Old()), type(New())
print New
print OldChild().m(), OldChild.x
print isinstance(OldChild(), Old), issubclass(OldChild, Old)
print Old.__name__, OldChild.__bases__ == (Old,)

class A:
    def who(self): return "A"
class B(A):
    pass
class C(A):
    def who(self): return "C"
class D(B, C):
    pass
print D().who()

class DN(object):
    pass
class A2(object):
    def who(self): return "A2"
class B2(A2): pass
class C2(A2):
    def who(self): return "C2"
class D2(B2, C2): pass
print D2().who()
