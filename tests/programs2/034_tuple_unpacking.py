# Unpacking: nested tuples in assignment and in function parameters (2.x only).
a, (b, c) = 1, (2, 3)
print a, b, c
def f((x, y), z):
    return x + y + z
print f((1, 2), 3)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print i, j, k
first, second = "ab"
print first, second
try:
    p, q = [1, 2, 3]
except ValueError, e:
    print "ValueError:", e
try:
    p, q, r = [1, 2]
except ValueError, e:
    print "ValueError:", e
