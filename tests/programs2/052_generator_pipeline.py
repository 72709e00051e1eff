# Generator pipelines and generator state.
def numbers():
    n = 0
    while True:
        n += 1
        yield n
def take(n, it):
    for _ in xrange(n):
        yield it.next()
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print list(take(5, evens(numbers())))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print "generator closed"
g = closing()
print g.next()
g.close()
print "after close"
