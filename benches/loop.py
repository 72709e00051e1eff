# A loop-heavy program for timing the evaluation loop (tools/bench_tracing_off.py).
# The optional argument scales the work (default 10).
import sys

SCALE = int(sys.argv[1]) if len(sys.argv) > 1 else 10
def work(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total += i * 2
        else:
            total -= 1
        i += 1
    return total


def calls(n):
    def add(a, b):
        return a + b

    acc = 0
    for i in range(n):
        acc = add(acc, i)
    return acc


print(work(300_000 * SCALE), calls(100_000 * SCALE))
