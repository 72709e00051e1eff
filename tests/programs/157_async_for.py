# async for with __aiter__/__anext__ and StopAsyncIteration, driven without asyncio;
# async for ... else, break, and errors for non-async iterables.
class Tick:
    def __await__(self):
        yield 'tick'
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks
async def collect(n):
    out = []
    async for v in Counter(n):
        out.append(v)
    else:
        out.append('else')
    return out
print(run(collect(3)), run(collect(0)))
async def with_break():
    out = []
    async for v in Counter(10):
        if v == 3:
            break
        if v == 1:
            continue
        out.append(v)
    else:
        out.append('no else after break')
    return out
print(run(with_break()))
async def nested():
    pairs = []
    async for a in Counter(2):
        async for b in Counter(2):
            pairs.append((a, b))
    return pairs
print(run(nested()))
async def bad():
    async for x in [1, 2]:
        pass
try:
    run(bad())
except TypeError as e:
    print('TypeError:', e)
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad2():
    async for x in BadAnext():
        pass
try:
    run(bad2())
except TypeError as e:
    print('TypeError:', e)
class Raising:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise ValueError('from anext')
async def propagate():
    try:
        async for x in Raising():
            pass
    except ValueError as e:
        return 'caught ' + str(e)
print(run(propagate()))
