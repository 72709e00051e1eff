# Sets and frozensets.
s = set([3, 1, 2])
print sorted(s), len(s), 2 in s
s.add(5); s.discard(1)
print sorted(s)
t = frozenset([2, 3, 4])
print sorted(s & t), sorted(s | t), sorted(s - t), sorted(s ^ t)
print s.issubset(set(range(10))), t.issuperset([2])
print sorted(set("hello"))
print set() == set([]), type(t).__name__
