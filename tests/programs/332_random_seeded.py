# needs: stdlib
# random over the native _random (Mersenne Twister) and _sha512: seeded sequences equal
# CPython's for int, big int, negative, str and bytes seeds; getrandbits, state
# round trips, shuffle, choice, sample, uniform and the errors of bad arguments.
import random

for seed in [0, 1, 42, -42, 2**32, 2**100 + 12345, 'hello', b'bytes', 3.0]:
    random.seed(seed)
    print(repr(seed), random.random(), random.random(), random.getrandbits(8))
random.seed(7)
print([random.randrange(100) for _ in range(8)])
print([random.randint(-5, 5) for _ in range(8)])
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33),
      random.getrandbits(64), random.getrandbits(100), random.getrandbits(200))
items = list(range(12))
random.shuffle(items)
print(items)
print(random.choice('abcdefgh'), random.sample(range(50), 5), round(random.uniform(1, 2), 12))
r = random.Random(2024)
state = r.getstate()
first = [r.random() for _ in range(5)]
r.setstate(state)
print(first == [r.random() for _ in range(5)], len(state), state[0], len(state[1]))
a, b = random.Random(99), random.Random(99)
print(a.random() == b.random(), random.Random(5).random() == random.Random(-5).random())
for bad in [lambda: random.getrandbits(-1), lambda: r.setstate((1, 2, 3)),
            lambda: random.Random().setstate((3, (0,) * 10, None))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
