# list methods: append/extend/insert/remove/pop/index/count/clear/copy/reverse and their errors.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend(range(2))
a.extend('ab')
print(a, len(a))
a.insert(0, 'first')
a.insert(-1, 'penultimate')
a.insert(100, 'last')
a.insert(-100, 'very-first')
print(a)
a.remove(1)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(4), a.index(1), a.count(1), a.count('zzz'), a.index(5, 2), a.index(1, 3))
b = a.copy()
b.reverse()
print(b, a == b[::-1], b is not a)
b.clear()
print(b, a[:3])
for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2),
          lambda: [1].insert(), lambda: [1].append(1, 2), lambda: [][0], lambda: [1, 2][-3]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
stack = []
for ch in '(a[b]{c}d)':
    if ch in '([{':
        stack.append(ch)
    elif ch in ')]}':
        print('close', ch, 'matches', stack.pop())
print(stack)
q = [1, 2, 3]
q.append(q.pop(0))
q += [4]
q *= 2
print(q, list(), list('abc'), list(range(3)), list((1, 2)), list({'k': 1}))
nums = [5, 2, 8]
nums[len(nums):] = [10]
nums[:0] = [0]
print(nums, nums.__len__(), [1, 2] + [3], [[0] * 2] * 2)
