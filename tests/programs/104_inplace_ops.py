# In-place operators: __iadd__ etc. mutate and return self, fallback to __add__, and the
# tuple-item += surprise (mutates the list, then raises).
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        print('  __iadd__', o)
        self.items.append(o)
        return self
    def __isub__(self, o):
        self.items.remove(o)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self
    def __ior__(self, o):
        self.items.extend(o)
        return self
    def __imatmul__(self, o):
        return 'imatmul replaced object'
a = Acc()
alias = a
a += 1
a += 2
a -= 1
a *= 2
a |= [9]
print(a.items, a is alias)
a @= 0
print(a, alias.items)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print('  __add__ fallback')
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
keep = o
o += 5
print(o.v, keep.v, o is keep)
l = [1]
l2 = l
l += [2]
print(l, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
s = 'ab'
s += 'c'
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 3; n >>= 1; n &= 6; n |= 9; n ^= 3
print(s, n)
f = 1.5
f /= 2
print(f)
tup = ([1], 2)
try:
    tup[0] += [2]
except TypeError as e:
    print('TypeError:', e)
print(tup)
d = {'k': [0]}
d['k'] += [1]
d.setdefault('n', 0)
d['n'] += 10
print(d)
class Item:
    def __init__(self):
        self.count = 0
it = Item()
it.count += 5
arr = [[0, 0], [0, 0]]
arr[1][0] += 7
print(it.count, arr)
class NoIadd:
    pass
x = NoIadd()
try:
    x += 1
except TypeError as e:
    print('TypeError:', e)
