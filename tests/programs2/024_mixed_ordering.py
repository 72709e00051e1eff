# Python 2 orders mixed types: None first, numbers, then other types by name.
print None < 0, 0 < "", [] < "", "" < (), {} < []
print sorted([3, "a", None, 1.5, [1], (2,), {}])
print 1 < "1", (1, 2) < (1, "a")
print max(1, "a"), min(None, 0)
print cmp(None, 0), cmp([], "")
