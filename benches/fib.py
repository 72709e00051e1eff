# Deep recursive calls: naive Fibonacci. Prints a checksum of the results.
# The optional argument scales the work (default 34; the checksum depends on it).
from __future__ import print_function
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 34


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for k in range(N - 4, N + 1):
        total += fib(k)
    sys.stdout.write("fib checksum %d\n" % total)


main()
