# Scoping: global and nonlocal statements, UnboundLocalError, class scope vs function scope.
g = 'global'
def read_global():
    return g
def write_global():
    global g
    g = 'rebound'
def shadow():
    g = 'local'
    return g
print(read_global(), shadow(), g)
write_global()
print(g)
def unbound():
    print(g)
    g = 1
try:
    unbound()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
def outer():
    x = 1
    def mid():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    return mid(), x
print(outer())
def deep():
    v = []
    def a():
        def b():
            def c():
                v.append('c')
                return v
            return c()
        return b()
    return a()
print(deep())
def declare_global_new():
    global brand_new
    brand_new = 'created'
declare_global_new()
print(brand_new)
y = 'module-y'
class C:
    y = 'class-y'
    def method(self):
        return y
    z = [y for _ in range(1)]
print(C().method(), C.y, C.z)
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
    for _ in range(5):
        bump()
    return n
print(counter())
def nested_unbound():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ':', e)
    later = 1
    return inner()
print(nested_unbound())
