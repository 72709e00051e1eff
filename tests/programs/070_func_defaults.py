# Default arguments: evaluated once at definition, mutable default sharing, __defaults__.
counter = 0
def next_default():
    global counter
    counter += 1
    return counter
def f(a, b=next_default(), c=next_default()):
    return (a, b, c)
print(f(0), f(0, 9), f(0, c=7), f(a=5), counter)
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
print(f.__defaults__, append_to.__defaults__, safe_append.__defaults__, (lambda x=1, *, y=2: 0).__defaults__)
x = 10
def g(v=x):
    return v
x = 20
print(g(), g(x))
def h(a, b=2, *args, c=3, d, **kw):
    return a, b, args, c, d, kw
print(h(1, d=4), h(1, 2, 3, 4, d=5, e=6), h(a=1, d=2, c=0))
f.__defaults__ = (100, 200)
print(f(1), f(1, 2))
def k(a, b=1):
    return a + b
for call in [lambda: k(), lambda: k(1, 2, 3), lambda: k(1, c=2), lambda: k(1, a=2), lambda: h(1)]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
def dflt_list(n, acc=()):
    return acc + (n,)
print(dflt_list(1), dflt_list(2), dflt_list(3, (0,)))
