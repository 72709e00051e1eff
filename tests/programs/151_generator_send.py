# Generator send(): priming, values of yield expressions, running averages, send(None) == next.
def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    yield 'received %r' % received
e = echo()
print(next(e))
print(e.send('a'))
print(e.send('b'))
print(e.send(None))
try:
    e.send('late')
except StopIteration:
    print('StopIteration after exhaustion')
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
a.send(None)
print([a.send(v) for v in [10, 20, 60]])
g = averager()
try:
    g.send(5)
except TypeError as err:
    print('TypeError:', err)
def two_way():
    x = yield 'first'
    print('  got', x)
    y = yield 'second %s' % x
    print('  got', y)
    return 'done'
t = two_way()
print(t.send(None), t.send(1))
try:
    t.send(2)
except StopIteration as stop:
    print('returned', stop.value)
def accumulate():
    items = []
    while True:
        item = yield
        if item == 'flush':
            yield list(items)
            items.clear()
        else:
            items.append(item)
acc = accumulate()
next(acc)
for w in ['x', 'y']:
    acc.send(w)
print(acc.send('flush'))
next(acc)
acc.send('z')
print(acc.send('flush'))
def yield_in_expression():
    result = (yield 1) + (yield 2)
    yield result
ye = yield_in_expression()
print(next(ye), ye.send(10), ye.send(32))
