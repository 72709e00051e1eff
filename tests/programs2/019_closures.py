# Closures: MAKE_CLOSURE with defaults, nested scopes, cells.
def outer(n, step=1):
    def inner(k=2):
        return n * k + step
    return inner
f = outer(5)
print f(), f(3)
def counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter()
c(); c()
print c()
adders = [lambda x, i=i: x + i for i in range(3)]
print [a(10) for a in adders]
def deep():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()()
print deep()
