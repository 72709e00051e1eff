# A list comprehension's variable leaks into the enclosing scope.
squares = [x * x for x in range(5)]
print squares, x
def f():
    r = [y + 1 for y in (10, 20)]
    return r, y
print f()
print [(a, b) for a in range(3) for b in range(a)]
print [c for c in "hello" if c != "l"]
gen = (z for z in range(3))
print list(gen)
print sorted({k: k * 2 for k in range(3)}.items())
print sorted({s for s in "abca"})
