# Asynchronous comprehensions (async for inside list/set/dict/generator comprehensions) and
# await inside comprehensions, all within async def.
class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield
        return self.v
async def arange(n):
    for i in range(n):
        await Value(None)
        yield i
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    a = [i async for i in arange(5)]
    b = {i % 3 async for i in arange(7)}
    c = {i: i * i async for i in arange(4) if i != 2}
    d = [await Value(x * 2) for x in range(3)]
    e = [await Value(i) async for i in arange(3)]
    gen = (i * 100 async for i in arange(3))
    f = [v async for v in gen]
    g = [(i, j) async for i in arange(2) for j in range(2)]
    return a, b, c, d, e, f, g
for part in run(main()):
    print(part)
async def nested_awaits():
    vals = [await Value(await Value(k)) for k in 'xyz']
    return ''.join(vals)
print(run(nested_awaits()))
async def agen_expr_type():
    g = (i async for i in arange(1))
    name = type(g).__name__
    await g.aclose()
    return name
print(run(agen_expr_type()))
