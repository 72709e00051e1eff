# A loop that builds and drops reference cycles (instances, a self-referencing dict and
# list). tests/memory_bounds.rs runs it with a large count and checks that memory stays
# bounded; with no arguments it is an ordinary conformance program.
import sys


class Node:
    def __init__(self, i):
        self.i = i
        self.other = None


def churn(n):
    total = 0
    for i in range(n):
        a = Node(i)
        b = Node(i + 1)
        a.other = b
        b.other = a
        d = {"node": a}
        d["self"] = d
        items = [b, d]
        items.append(items)
        total += a.other.i + len(items)
    return total


count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
print(churn(count))
if len(sys.argv) > 2:
    # Wait, alive, so the test can read this process's peak memory.
    sys.stdin.readline()
