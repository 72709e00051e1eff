# str slicing: all combinations of start/stop/step including negatives and out-of-range bounds.
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2], s[5:2], s[100:], s[:100])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-6:-1], s[2:8:10])
print(s[-100:100], s[-100:-50], s[3:3], s[::3], s[::-3], s[10:0:-1], s[0:10:-1])
for start in (None, -12, -3, 0, 4, 12):
    row = []
    for stop in (None, -12, -3, 0, 4, 12):
        for step in (None, 1, 2, -1, -2):
            row.append(s[start:stop:step])
    print(start, '|'.join(row))
sl = slice(1, 8, 3)
print(s[sl], s[slice(None, None, -4)], s[slice(5)])
try:
    s[::0]
except ValueError as e:
    print('ValueError:', e)
try:
    s['a':]
except TypeError as e:
    print('TypeError:', e)
u = 'añb€c😀d'
print(u[1:4], u[::-1], u[-2], len(u[3:]))
print(s[True:], s[False], s[2:-2][1:-1][::2])
