# Call-site unpacking: multiple * and ** in one call, mixed with positional/keyword args.
def f(*args, **kwargs):
    return args, kwargs
a = [1, 2]
b = (3,)
c = {'x': 1}
d = {'y': 2}
print(f(*a), f(*a, *b), f(0, *a, 9, *b), f(*'ab', *range(2)))
print(f(**c), f(**c, **d), f(z=0, **c, w=5, **d), f(*a, **c, k=1))
def g(p, q, r=0, *, s=0):
    return p, q, r, s
print(g(*[1, 2]), g(*[1], **{'q': 2}), g(1, *(2, 3), **{'s': 4}), g(**{'p': 1, 'q': 2, 'r': 3}))
print(f(*{3: 'a', 1: 'b'}), f(*{5, 1, 3}), f(*(x * x for x in range(3))))
print([*a, *b, *range(2)], (*a, 0), {*a, *b}, {**c, **d, 'x': 9}, {'x': 0, **c})
first, *middle, last = [*range(5), *'xy']
print(first, middle, last)
for call in [lambda: f(**c, **c), lambda: f(x=0, **c), lambda: g(*[1, 2, 3, 4]),
             lambda: f(*5), lambda: f(**[1]), lambda: g(1, **{'p': 2, 'q': 3})]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
print(max(*[3, 9, 2]), print(*['a', 'b'], sep='|'), sorted(*[[3, 1, 2]], reverse=True))
