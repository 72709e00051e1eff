# Descriptor protocol: data vs non-data descriptors, precedence against the instance dict,
# __get__ with instance None, __set__ and __delete__.
class Verbose:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return 'class access via %s' % objtype.__name__
        return 'get %s from %s' % (self.name, type(obj).__name__)
class Data(Verbose):
    def __set__(self, obj, value):
        print('set %s = %r' % (self.name, value))
        obj.__dict__['_' + self.name] = value
    def __delete__(self, obj):
        print('delete %s' % self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'non-data value'
class Host:
    d = Data('d')
    n = NonData()
    v = Verbose('v')
h = Host()
print(h.d, '|', Host.d, '|', h.n, '|', h.v)
h.d = 5
print(h.__dict__, h.d)
h.__dict__['d'] = 'instance'
print(h.d)
h.n = 'shadowed'
print(h.n, Host.n)
del h.d
del h.n
print(h.n)
class Typed:
    def __init__(self, kind):
        self.kind = kind
        self.store = {}
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.store.get(id(obj), 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('expected %s, got %s' % (self.kind.__name__, type(value).__name__))
        self.store[id(obj)] = value
class Person:
    age = Typed(int)
    name = Typed(str)
p = Person()
print(p.age, isinstance(Person.age, Typed))
p.age = 30
p.name = 'ann'
print(p.age, p.name)
try:
    p.age = 'old'
except TypeError as e:
    print('TypeError:', e)
class Method:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class UsesMethod:
    x = 3
    @Method
    def times(self, k):
        return self.x * k
print(UsesMethod().times(5), type(UsesMethod.__dict__['times']).__name__)
def plain(self):
    return 'plain function bound to ' + type(self).__name__
bound = plain.__get__(h, Host)
print(bound(), plain.__get__(None, Host) is plain)
