# min-version: 3.8
# Assignment expressions: in while/if conditions, comprehensions (binding to the enclosing
# scope), nested use, and evaluation order.
data = [3, 8, 1, 9, 4]
it = iter(data)
seen = []
while (v := next(it, None)) is not None:
    seen.append(v)
print(seen, v)
if (n := len(data)) > 3:
    print('long list', n)
values = [y for x in data if (y := x * 2) > 5]
print(values, y)
total = 0
running = [total := total + x for x in data]
print(running, total)
print([(last := w) for w in 'abc'], last)
def f(x):
    return x * 10
print([r for x in range(5) if (r := f(x)) % 20 == 0], r)
if any((hit := x) > 8 for x in data):
    print('first above 8:', hit)
print((a := 1) + (a := a + 1) + a, a)
chunks = []
text = 'abcdefgh'
pos = 0
while chunk := text[pos:pos + 3]:
    chunks.append(chunk)
    pos += 3
print(chunks)
def scope():
    [inner := 5 for _ in range(1)]
    return inner
print(scope())
print({k: (sq := k * k) for k in range(3)}, sq)
x = 0
print(x := 10, x)
