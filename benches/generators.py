# A generator pipeline: chained generators, generator expressions, sum/any.
# The optional argument is the length of the source sequence (default 5000000).
from __future__ import print_function
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 5000000


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens_squared(source):
    for x in source:
        if x % 2 == 0:
            yield x * x


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)


def pipeline(n):
    total = 0
    for w in windows(evens_squared(numbers(n)), 3):
        total = (total + w[0] + 2 * w[1] + 3 * w[2]) % 1000000007
    return total


def main():
    a = pipeline(COUNT)
    b = sum(x % 7 for x in numbers(COUNT))
    c = sum(1 for x in numbers(COUNT // 4) if any(d == 3 for d in (x % 10, x % 13)))
    sys.stdout.write("generators %d %d %d\n" % (a, b, c))


main()
