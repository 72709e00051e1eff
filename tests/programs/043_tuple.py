# tuples: packing/unpacking, one-element repr, concatenation, methods, comparison, hashing, immutability.
t = 1, 2, 3
one = (5,)
print(t, one, (), tuple(), tuple('ab'), tuple([1, [2]]), type(one).__name__, (5))
a, b, c = t
print(a, b, c)
x, *rest = t
*init, y = t
p, *mid, q = range(6)
print(x, rest, init, y, p, mid, q)
(m, n), o = (1, 2), 3
print(m, n, o)
a, b = b, a
print(a, b)
print(t + (4,), t * 2, 2 in t, 7 not in t, t[1:], t[::-1], len(t), t.count(2), t.index(3))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, 'a') == (1, 'a'))
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))), {(1, 2): 'pt'}[(1, 2)])
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested, max([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([(2, 1), (1, 2), (1, 1)]))
for f in [lambda: t.__setitem__(0, 9), lambda: t[5], lambda: t.index(9), lambda: hash(([],)),
          lambda: (1, 2) < (1, 'x'), lambda: t + [4]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    a, b = t
except ValueError as e:
    print('ValueError:', e)
try:
    a, b, c, d = t
except ValueError as e:
    print('ValueError:', e)
try:
    a, *b, c, d, e = t
except ValueError as ex:
    print('ValueError:', ex)
print(tuple(x * x for x in range(4)), (1,) * 0, (None,) * 2, ((),), repr((1,)))
t2 = t
t2 += (9,)
print(t, t2, t is not t2, divmod(7, 3), tuple(enumerate('ab')))
