# __set_name__: descriptors learn their attribute name and owner when the class is created.
class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.owner = owner.__name__
        self.name = name
        self.private = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, 'default-' + self.name)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    title = Field()
    body = Field()
    plain = 3
m = Model()
print(m.title, m.body)
m.title = 'Hello'
print(m.title, m._title, Model.title.owner, Model.body.name)
class Later:
    pass
f = Field()
Later.attr = f
print(hasattr(f, 'name'))
f.__set_name__(Later, 'attr')
print(Later().attr)
class Sub(Model):
    extra = Field()
print(Sub().extra, Sub.title.owner)
class Counter:
    seen = []
    def __set_name__(self, owner, name):
        Counter.seen.append(name)
class Many:
    a = b = Counter()
    c = Counter()
print(Counter.seen)
Dyn = type('Dyn', (), {'x': Field()})
print(Dyn.x.name, Dyn().x)
class NotCalled:
    def __set_name__(self, owner, name):
        print('should not print for', name)
obj = Model()
obj.instance_attr = NotCalled()
print('done')
