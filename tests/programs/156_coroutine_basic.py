# async def / await driven by hand with coro.send(None): suspension points, return values,
# awaiting coroutines and custom awaitables, exceptions through await, coroutine attributes.
class Suspend:
    def __init__(self, label, result=None):
        self.label, self.result = label, result
    def __await__(self):
        got = yield self.label
        print('  resumed', self.label, 'with', got)
        return self.result if got is None else got
def run(coro, sends=()):
    sends = list(sends)
    value = None
    trace = []
    try:
        while True:
            trace.append(coro.send(value))
            value = sends.pop(0) if sends else None
    except StopIteration as e:
        return trace, e.value
async def add(a, b):
    x = await Suspend('first', a)
    y = await Suspend('second', b)
    return x + y
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return [r1, r2]
print(run(main()))
print(run(add(0, 0), sends=[5, 7]))
async def no_await():
    return 'immediate'
c = no_await()
print(type(c).__name__, c.__name__, c.__qualname__)
print(run(c))
async def raiser():
    await Suspend('before raise')
    raise ValueError('inside coroutine')
async def catcher():
    try:
        await raiser()
    except ValueError as e:
        return 'caught ' + str(e)
print(run(catcher()))
co = add(1, 1)
print(co.send(None))
try:
    co.throw(KeyError('thrown in'))
except KeyError as e:
    print('throw propagated', repr(e))
co2 = add(1, 1)
co2.send(None)
co2.close()
print('closed; cr_frame is None:', co2.cr_frame is None)
async def reuse():
    return 1
r = reuse()
run(r)
try:
    r.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
async def awaits_non_awaitable():
    await 5
aw = awaits_non_awaitable()
try:
    aw.send(None)
except TypeError as e:
    print('TypeError:', e)
async def chain(n):
    if n == 0:
        return 'bottom'
    return 'level%d>' % n + await chain(n - 1)
print(run(chain(3)))
