# map, filter and zip return lists; reduce and apply are builtins.
print map(lambda x: x * 2, [1, 2, 3])
print map(None, [1, 2], [3, 4, 5])
print map(lambda a, b: (a, b), [1, 2], "ab")
print filter(lambda x: x % 2, range(10))
print filter(None, [0, 1, "", "a", None])
print filter(lambda c: c != "l", "hello")
print filter(None, (1, 0, 2))
print zip([1, 2, 3], "abc")
print zip()
print reduce(lambda a, b: a + b, [1, 2, 3, 4])
print reduce(lambda a, b: a * b, [], 1)
def f(a, b, c=0):
    return a + b + c
print apply(f, (1, 2))
print apply(f, (1,), {"b": 5, "c": 10})
try:
    reduce(lambda a, b: a, [])
except TypeError, e:
    print "TypeError:", e
