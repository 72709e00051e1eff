# Unpacking assignments: tuples/lists/strings/iterators as sources, starred targets in every
# position, nesting, targets that are attributes and subscripts, chained assignment, swaps.
a, b, c = 'xyz'
print(a, b, c)
[d, e] = (1, 2)
print(d, e)
(f, g), h = [3, 4], 5
print(f, g, h)
first, *rest = range(5)
*init, last = [1, 2, 3]
head, *mid, tail = 'abcdef'
print(first, rest, init, last, head, mid, tail)
*everything, = (9, 8)
print(everything)
x, *empty, y = 1, 2
print(x, empty, y)
(p, *q), r = 'abc', 'd'
print(p, q, r)
m = n = o = []
m.append(1)
print(m, n, o, m is o)
i = j = 0
i += 1
print(i, j)
lst = [0, 0, 0]
lst[0], lst[2] = 'first', 'third'
print(lst)
class Box:
    pass
bx = Box()
bx.left, bx.right = 'L', 'R'
print(bx.left, bx.right)
d = {}
d['a'], d['b'] = 1, 2
print(d)
x, y = 1, 2
x, y = y, x
print(x, y)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
k = [1, 2, 3]
i = 0
i, k[i] = 1, 'changed'
print(i, k)
it = iter([10, 20])
u, v = it
print(u, v)
gen = (s * 2 for s in 'pq')
g1, g2 = gen
print(g1, g2)
for (num, (ch1, ch2)) in [(1, 'ab'), (2, 'cd')]:
    print(num, ch1, ch2)
key, value = {'only': 'pair'}.popitem()
print(key, value)
(a), b = 5, 6
print(a, b)
[a, [b, [c, *dd]]] = [1, [2, [3, 4, 5]]]
print(a, b, c, dd)
