# A suspended generator (coroutine, async generator) that is freed is closed: its
# finally blocks and GeneratorExit handlers run at that moment (one that yields again is
# reported on stderr and ignored); a generator never started, or finished, is just freed.
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print('cleanup', tag)
x = g('x'); next(x); del x
print('after x')
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('stubborn caught GeneratorExit')
        yield 2
y = stubborn(); next(y); y = None
print('after stubborn')
z = g('unstarted')
del z
print('after unstarted')
done = g('done')
print(list(done))
del done
print('after done')
def outer():
    for i in g('inner'):
        yield i
w = outer(); next(w); del w
print('after nested')
def local_use():
    it = g('local')
    return next(it)
print(local_use())
kept = g('kept'); next(kept)
print('end')
class Tick:
    def __await__(self):
        yield 'tick'
async def agen():
    try:
        yield 1
        yield 2
    finally:
        print('agen finally')
a = agen()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print('got', e.value)
del a
print('after agen')
async def coro():
    try:
        await Tick()
    finally:
        print('coro finally')
c = coro(); c.send(None); del c
print('after coro')
async def stubborn():
    try:
        await Tick()
    except GeneratorExit:
        await Tick()
s = stubborn(); s.send(None); del s
print('end')
