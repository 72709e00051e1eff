# for loops: else clause, break/continue, nested loops with flags, loop variable after the loop,
# iterating over various iterables, modifying the loop variable.
for i in range(3):
    pass
else:
    print('for-else ran, i =', i)
for i in range(10):
    if i == 5:
        break
else:
    print('not printed')
print('broke at', i)
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for x in []:
    print('never')
else:
    print('else of empty for')
for i in range(5):
    i *= 10
print('loop var reassigned, last', i)
total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i
print('total', total)
for ch in 'abc':
    print(ch, end=' ')
print()
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v, end='; ')
print()
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for a, *rest in [(1, 2, 3), (4,)]:
    print(a, rest)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
found = None
for r, row in enumerate(matrix):
    for c, val in enumerate(row):
        if val == 6:
            found = (r, c)
            break
    if found:
        break
print('found', found)
def first_negative(nums):
    for n in nums:
        if n < 0:
            return n
    return None
print(first_negative([3, -1, -5]), first_negative([1]))
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items)
d = {'x': 0}
for d['x'] in range(3):
    pass
print(d)
class Obj:
    pass
o = Obj()
for o.attr in 'xyz':
    pass
print(o.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate('abc'):
    pass
print(lst)
