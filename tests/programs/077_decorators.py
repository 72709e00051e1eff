# Decorators: plain, parameterised, stacked (application order), on methods and classes.
log = []
def trace(fn):
    def wrapper(*args, **kwargs):
        log.append('call ' + fn.__name__)
        result = fn(*args, **kwargs)
        log.append('ret %r' % (result,))
        return result
    wrapper.__name__ = 'traced_' + fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3), add.__name__, add.__wrapped__(1, 1), log)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
order = []
def mark(tag):
    order.append('define ' + tag)
    def deco(fn):
        order.append('apply ' + tag)
        def w():
            return tag + '(' + fn() + ')'
        return w
    return deco
@mark('outer')
@mark('inner')
def base():
    return 'base'
print(base(), order)
def register(registry):
    def deco(obj):
        registry[obj.__name__] = obj
        return obj
    return deco
REG = {}
@register(REG)
class Plugin:
    pass
@register(REG)
def helper():
    pass
print(sorted(REG), REG['Plugin'] is Plugin)
def add_method(cls):
    cls.extra = lambda self: 'extra on ' + type(self).__name__
    return cls
@add_method
class Target:
    pass
print(Target().extra())
class Memo:
    def __init__(self, fn):
        self.fn, self.cache, self.calls = fn, {}, 0
    def __call__(self, n):
        if n not in self.cache:
            self.calls += 1
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.calls, type(fib).__name__)
def returns_none(fn):
    return None
@returns_none
def gone():
    pass
print(gone)
