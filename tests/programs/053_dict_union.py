# min-version: 3.9
# dict union operators | and |= (3.9+), with views and dict subclasses.
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
c = dict(a)
c |= b
print(c)
c |= [('w', 0)]
print(c)
try:
    a | [('w', 0)]
except TypeError as e:
    print('TypeError:', e)
class D(dict):
    pass
r = D(a) | b
print(type(r).__name__, r, {} | {}, {1: 1} | {1: 2})
