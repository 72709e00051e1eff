# while loops: else clause runs only without break, continue, nested loops, while True + break.
n = 0
while n < 3:
    n += 1
else:
    print('while-else ran, n =', n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print('not printed')
print('broke at', n)
i = 0
evens = []
while i < 10:
    i += 1
    if i % 2:
        continue
    evens.append(i)
else:
    print('else after continue-only loop', evens)
while False:
    print('never')
else:
    print('else of a loop that never ran')
def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            break
        i += 1
    else:
        return 'not found'
    return 'found at %d' % i
print(find([5, 6, 7], 6), find([5, 6, 7], 9), find([], 1))
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print('collatz steps', steps)
count = 0
while True:
    count += 1
    if count > 5:
        break
print('while True exited at', count)
outer = 0
pairs = []
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        if inner > outer:
            break
        pairs.append((outer, inner))
        inner += 1
    else:
        pairs.append('inner-else')
    outer += 1
print(pairs)
a, b = 0, 1
fibs = []
while b < 100:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
def ret_in_while():
    k = 0
    while True:
        k += 1
        if k == 3:
            return k
print(ret_in_while())
