# RecursionError at the default limit (1000): caught, inspected, and the program continues.
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
    print('depth reached', depth)
def recover(n):
    return 0 if n == 0 else 1 + recover(n - 1)
print(recover(800))
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError as e:
    print('mutual:', e)
class Node:
    def __init__(self):
        self.child = self
    def size(self):
        return 1 + self.child.size()
try:
    Node().size()
except RecursionError as e:
    print('method:', e)
results = []
for attempt in range(3):
    depth = 0
    try:
        dive()
    except RecursionError:
        results.append(depth)
print(results)
def guarded(n):
    try:
        return guarded(n + 1)
    except RecursionError:
        return n
print(guarded(0) > 900)
print(recover(900))
