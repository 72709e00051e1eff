# Generator pipelines: chained lazy stages, itertools-style helpers written by hand, infinite
# sources cut off, interleaving of stage execution.
trace = []
def numbers():
    n = 0
    while True:
        trace.append('gen %d' % n)
        yield n
        n += 1
def evens(src):
    for v in src:
        if v % 2 == 0:
            trace.append('pass %d' % v)
            yield v
def squared(src):
    for v in src:
        yield v * v
def take(n, src):
    for i, v in zip(range(n), src):
        yield v
print(list(take(3, squared(evens(numbers())))))
print(trace)
def chunked(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)
print(list(chunked(range(7), 3)))
def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur
print(list(pairwise('abcd')))
def accumulate(it):
    total = 0
    for v in it:
        total += v
        yield total
print(list(accumulate(range(1, 6))))
def cycle(seq):
    while True:
        yield from seq
print(list(take(7, cycle('xy'))))
def groupby(seq, key):
    group, current = [], object()
    for v in seq:
        k = key(v)
        if group and k != current:
            yield current, group
            group = []
        current = k
        group.append(v)
    if group:
        yield current, group
print(list(groupby([1, 1, 2, 3, 3, 3, 1], lambda v: v)))
print(list(groupby('aAbBBc', str.lower)))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave('abc', [1, 2], range(10, 14))))
words = (w for w in 'to be or not to be that is the question'.split())
long_words = (w for w in words if len(w) > 2)
lengths = ((w, len(w)) for w in long_words)
print(dict(lengths))
