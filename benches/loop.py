# A loop-heavy program for timing the evaluation loop (tools/bench_tracing_off.py).
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


print(work(3_000_000), calls(1_000_000))
