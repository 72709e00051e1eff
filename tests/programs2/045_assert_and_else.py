# assert, try/except/else, while with complex conditions.
try:
    assert 1 == 2, "one is not two"
except AssertionError, e:
    print "AssertionError:", e
try:
    x = 1
except Exception:
    print "no"
else:
    print "else", x
i, total = 0, 0
while i < 10 and total < 20:
    total += i
    i += 1
print i, total
print 1 if True else 2, (0 or "default"), (1 and "both")
print not None, not [], not [0]
