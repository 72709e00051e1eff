# __metaclass__ in the class body and at module level.
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return type.__new__(mcs, name, bases, ns)
class A(object):
    __metaclass__ = Meta
print A.tag, type(A).__name__
class B(A):
    pass
print B.tag, type(B).__name__
