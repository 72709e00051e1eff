# enumerate, iter() with a sentinel, any/all, sum/min/max.
for i, c in enumerate("abc", 1):
    print i, c,
print
items = iter([1, 2, 3, 0, 5])
print list(iter(items.next, 0))
print any([0, 0, 1]), all([1, 1, 0]), any([]), all([])
print sum([1, 2, 3], 10), min([4, 2, 8]), max("zebra")
print list(reversed([1, 2, 3])), sorted(reversed("abc"))
