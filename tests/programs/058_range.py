# range objects: repr, len, indexing, slicing to ranges, membership, index/count, equality.
r = range(10)
print(r, range(2, 8), range(0, 20, 3), range(5, 0, -1), list(range(5, 0, -2)), list(range(0)))
print(len(r), len(range(2, 8)), len(range(0, 20, 3)), len(range(10, 0)), len(range(0, -10, -3)))
print(r[0], r[-1], r[3], range(0, 20, 3)[-2], r[2:5], r[::2], r[::-1], range(0, 20, 3)[1:4])
print(5 in r, 10 in r, -1 in r, 6 in range(0, 20, 3), 7 in range(0, 20, 3), 2.0 in r, 'a' in r)
print(r.index(4), range(0, 20, 3).index(9), r.count(3), r.count(11), range(1, 4).start, range(1, 4, 2).step)
print(range(0) == range(5, 2), range(0, 3) == range(3), range(0, 5, 2) == range(0, 6, 2), range(1) == [0])
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(-3, 3)), sorted(range(3), reverse=True))
big = range(0, 10 ** 17, 7)
print(len(big), big[10 ** 15], 7 * 10 ** 15 in big, 10 ** 16 + 1 in big, big[-1], big[5:8])
print(list(range(-5, 5, 4)), list(range(10, -10, -7)), range(3).stop, bool(range(0)), bool(range(1)))
for f in [lambda: range(0, 10, 0), lambda: r[10], lambda: r.index(99), lambda: range(1.5),
          lambda: range(1, 2, 3, 4), lambda: len(range(2 ** 70))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
total = 0
for i in range(1, 11):
    if i % 2:
        continue
    total += i
print(total, [i for i in range(3, 30, 9)], tuple(range(3)), hash(range(3)) == hash(range(0, 3)))
