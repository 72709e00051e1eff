# list operators, aliasing vs copying, nesting, recursive repr, equality and ordering.
a = [1, 2]
b = a
b.append(3)
c = a + [4]
d = a * 2
print(a, b, c, d, a is b, a == c[:3], a is not c)
m = [[0] * 2] * 2
m[0][0] = 9
print(m, m[0] is m[1])
n = [[0] * 2 for _ in range(2)]
n[0][0] = 9
print(n)
r = [1, 2]
r.append(r)
print(r, len(r), r[2] is r)
x = {'self': None}
x['self'] = x
print(x)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [[]], [1, [2]] == [1, [2]])
print([] == (), [1] != [1.0], [float('nan')] == [float('nan')])
nan = float('nan')
print([nan] == [nan], nan in [nan], [nan].count(nan), [nan].index(nan))
e = [3, 1, 2]
e += (4, 5)
e += 'ab'
e *= 1
print(e)
try:
    e = e + (6,)
except TypeError as ex:
    print('TypeError:', ex)
try:
    [1] * 1.5
except TypeError as ex:
    print('TypeError:', ex)
print([0] * -3, [1, 2] * 0, 3 in [1, 2, 3], 'a' in ['abc'], [1] in [[1]])
f = [1, 2, 3]
for item in f:
    if item == 2:
        f.remove(item)
print(f)
g = [i for i in range(5)]
while g:
    g.pop()
print(g, bool(g), bool([None]))
h = list(map(lambda v: v * 2, [1, 2]))
print(h, sum([[1], [2, 3]], []), list(reversed([1, 2, 3])), [1, 2, 3][True])
