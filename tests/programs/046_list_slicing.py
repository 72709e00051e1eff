# List slice reads, slice assignment that grows/shrinks, extended-slice assignment, del slices.
a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[8:2:-2], a[100:], a[-100:2])
b = a[:]
b[2:5] = ['x']
print(b)
b[1:1] = [10, 20, 30]
print(b)
b[:] = b[::-1]
print(b)
b[-2:] = []
print(b)
b[len(b):] = 'ab'
print(b)
c = list(range(10))
c[::2] = ['e'] * 5
print(c)
c[1::2] = range(5)
print(c)
c[::-3] = [None, None, None, None]
print(c)
d = list(range(10))
del d[::2]
print(d)
del d[1:3]
print(d)
del d[:]
print(d)
e = [1, 2, 3]
e[5:10] = [4]
e[-10:0] = [0]
print(e)
for f in [lambda: c.__setitem__(slice(None, None, 2), [1]), lambda: c.__setitem__(slice(0, 2), 5),
          lambda: c.__setitem__(slice(None, None, 0), [])]:
    try:
        f()
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__ + ':', ex)
g = [1, 2, 3, 4]
g[1:3] = g
print(g)
h = [[0] * 3 for _ in range(3)]
h[1][1:] = [5, 6]
print(h, h[1:][0][1:])
s = slice(1, None, 2)
m = list('abcdef')
m[s] = m[s][::-1]
print(m, m[s])
