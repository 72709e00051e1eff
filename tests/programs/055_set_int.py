# Sets of ints printed directly (their order follows int hashes), operations and methods.
s = {3, 1, 2}
print(s, {10, 5, 100, 37, 8}, {-1, -2, 0, 1}, {33, 1, 65, 17}, set(range(10, 0, -1)))
print({1000, 2, 999, 7, 64, 32}, set([9, 8, 7, 8, 9]), {2 ** 62, 2 ** 40, 3}, {-5, 5, -10})
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7, 8], (9,)), a.intersection(b, {4}), a.difference({1}, {2}), a.symmetric_difference(range(3)))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint({9}), a.isdisjoint(b), {1, 2} == {2, 1}, {1} != {1.0})
c = set()
for n in [5, 3, 5, 1, 9, 3]:
    c.add(n)
print(c, len(c))
c.discard(5)
c.discard(42)
c.remove(3)
print(c)
try:
    c.remove(42)
except KeyError as e:
    print('KeyError:', e)
popped = []
while c:
    popped.append(c.pop())
print(popped, c)
try:
    c.pop()
except KeyError as e:
    print('KeyError:', e)
d = {1, 2, 3}
d |= {10}
d &= {1, 2, 10, 11}
d -= {2}
d ^= {1, 50}
print(d)
d.update([7], {8})
d.intersection_update(range(9, 100))
print(d)
d.difference_update({10})
d.symmetric_difference_update({1, 2})
print(d, set(), {0} | set(), sorted({5, -5, 0}))
print({x * x for x in range(-3, 4)}, {x % 4 for x in range(20)}, set([1, True, 1.0]))
e = {9, 1, 8}
f = e.copy()
f.add(0)
print(e, f, e.__len__(), 8 in e, 7 not in e, {(1, 2), (1, 2)})
for fn in [lambda: {[]}, lambda: {1} + {2}, lambda: set(5), lambda: {1} < [1]]:
    try:
        fn()
    except TypeError as ex:
        print('TypeError:', ex)
