# Async generators: async def with yield, driven via __anext__/asend/athrow/aclose by hand.
class Tick:
    def __await__(self):
        yield 'tick'
def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
    print('  agen finished')
async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(consume()))
g = agen(2)
print(type(g).__name__, g.__name__)
print(run(g.__anext__()), run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print('StopAsyncIteration')
async def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return
        received.append(x)
        print('  echo got', x)
e = echo()
print(run(e.asend(None)), run(e.asend('a')), run(e.asend('b')))
async def guarded():
    try:
        yield 'first'
        yield 'second'
    except ValueError as err:
        print('  agen caught', repr(err))
        yield 'after athrow'
    finally:
        print('  agen finally')
gg = guarded()
print(run(gg.__anext__()))
print(run(gg.athrow(ValueError('oops'))))
run(gg.aclose())
print('closed')
try:
    run(gg.__anext__())
except StopAsyncIteration:
    print('exhausted after aclose')
async def take(n):
    out = []
    async for v in agen(10):
        if len(out) == n:
            break
        out.append(v)
    return out
it = take(2)
print(run(it))
async def nested_comprehension():
    return [v async for v in agen(3) if v > 0]
print(run(nested_comprehension()))
