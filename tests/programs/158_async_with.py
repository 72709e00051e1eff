# async with: __aenter__/__aexit__ awaited, exception info passed, suppression, nesting,
# return inside the block, and using a sync context manager by mistake.
class Tick:
    def __await__(self):
        yield
class Resource:
    log = []
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Tick()
        Resource.log.append('aenter ' + self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Tick()
        Resource.log.append('aexit %s %s' % (self.name, et.__name__ if et else None))
        return self.suppress
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def basic():
    async with Resource('a') as r:
        Resource.log.append('body ' + r)
    async with Resource('b', suppress=True):
        raise ValueError('suppressed')
    try:
        async with Resource('c'):
            raise KeyError('escapes')
    except KeyError:
        Resource.log.append('caught KeyError')
    async with Resource('x') as x, Resource('y') as y:
        Resource.log.append('both %s %s' % (x, y))
    return 'done'
print(run(basic()))
for line in Resource.log:
    print(line)
Resource.log.clear()
async def early():
    async with Resource('ret'):
        return 'returned inside'
print(run(early()), Resource.log)
class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
async def wrong():
    async with SyncOnly():
        pass
try:
    run(wrong())
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ':', e)
async def loop_in_with():
    out = []
    for i in range(3):
        async with Resource('loop%d' % i):
            if i == 1:
                continue
            out.append(i)
    return out
Resource.log.clear()
print(run(loop_in_with()), len(Resource.log))
