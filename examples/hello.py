"""The example shipped with xpython: a little of everything, printed."""


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"Hello, {self.name}!"


print(Greeter("xpython").greet())
print([fib(i) for i in range(15)])
print({w: len(w) for w in "the quick brown fox".split()})
