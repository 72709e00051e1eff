# needs: stdlib
# min-version: 3.7
# asyncio's selector event loop over the native select, _socket and posix: coroutines,
# tasks, gather, sleep(0) interleaving, queues, events, call_soon ordering, futures,
# cancellation, timeouts and exceptions inside tasks.
import asyncio

log = []


async def worker(name, n):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name * n


async def failing():
    await asyncio.sleep(0)
    raise ValueError('boom')


async def producer(q):
    for i in range(4):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    got = []
    while True:
        item = await q.get()
        if item is None:
            return got
        got.append(item * 10)


async def main():
    print(await worker('x', 2))
    log.clear()
    results = await asyncio.gather(worker('a', 3), worker('b', 2), worker('c', 1))
    print(results)
    print(log)

    t = asyncio.ensure_future(worker('t', 2))
    print(type(t).__name__, t.done())
    print(await t, t.done(), t.result())

    r = await asyncio.gather(failing(), worker('z', 1), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in r])
    try:
        await failing()
    except ValueError as e:
        print('caught', e)

    q = asyncio.Queue()
    print(await asyncio.gather(producer(q), consumer(q)))

    loop = asyncio.get_event_loop()
    order = []
    loop.call_soon(order.append, 1)
    loop.call_soon(order.append, 2)
    loop.call_soon(lambda: order.append(3))
    await asyncio.sleep(0)
    print(order)

    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'done')
    print(await fut)

    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return 'woken'

    w = asyncio.ensure_future(waiter())
    await asyncio.sleep(0)
    print(w.done())
    ev.set()
    print(await w)

    async def forever():
        await asyncio.sleep(3600)

    c = asyncio.ensure_future(forever())
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print('cancelled', c.cancelled())

    try:
        await asyncio.wait_for(forever(), 0.01)
    except asyncio.TimeoutError:
        print('timed out')

    lock = asyncio.Lock()
    async with lock:
        print('locked', lock.locked())
    print('unlocked', lock.locked())

    await asyncio.sleep(0.01)
    print('slept')
    return 'main done'


print(asyncio.run(main()))


async def agen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)


async def use_agen():
    return [i async for i in agen()]


print(asyncio.run(use_agen()))
