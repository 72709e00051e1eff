# min-version: 3.8
# Positional-only parameters (PEP 570) and their interplay with **kwargs and error messages.
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
def g(x, /, **kw):
    return x, kw
print(g(1, x=2), g(0))
def h(a, b=2, /, c=3):
    return a, b, c
print(h(1), h(1, 5), h(1, 5, 6), h(1, c=7))
print(h.__code__.co_posonlyargcount, h.__code__.co_argcount, h.__defaults__)
for call in [lambda: f(1, b=2, c=3, d=4), lambda: f(a=1, b=2, c=3, d=4), lambda: h(a=1),
             lambda: f(1, 2, 3, 4), lambda: h()]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
print(divmod(7, 2), len([1]), pow(2, 3, 5))
try:
    len(obj=[1])
except TypeError as e:
    print('TypeError:', e)
lam = lambda p, /, q: p - q
print(lam(5, 2), lam(5, q=1))
