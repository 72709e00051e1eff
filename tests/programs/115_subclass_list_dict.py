# Subclassing list and dict: which built-in methods call overridden ones (they mostly don't),
# __missing__, and results of operations on subclasses.
class LoudList(list):
    def append(self, x):
        print('append', x)
        super().append(x)
    def __setitem__(self, i, v):
        print('setitem', i, v)
        super().__setitem__(i, v)
ll = LoudList([1, 2])
ll.append(3)
ll.extend([4])
ll += [5]
ll[0] = 10
ll.insert(0, 0)
print(ll, type(ll).__name__, type(ll + [1]).__name__, type(ll[1:]).__name__, type(ll * 2).__name__)
print(len(ll), ll == [0, 10, 2, 3, 4, 5], sorted(ll, reverse=True), isinstance(ll, list))
class Stack(list):
    push = list.append
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s.peek(), s.pop(), s, Stack('ab'))
class DefaultDict(dict):
    def __init__(self, factory, *a, **k):
        super().__init__(*a, **k)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = DefaultDict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b']
print(dd, dd.get('c'), 'c' in dd, len(dd))
class LoudDict(dict):
    def __setitem__(self, k, v):
        print('LoudDict setitem', k)
        super().__setitem__(k, v.upper() if isinstance(v, str) else v)
    def __getitem__(self, k):
        return 'got ' + str(super().__getitem__(k))
ld = LoudDict(a='x')
ld['b'] = 'y'
ld.update(c='z')
ld.setdefault('d', 'w')
print(dict(ld), ld['b'], ld.get('b'), ld['a'], list(ld.values()))
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().__iter__()))
od = Ordered(b=1, a=2)
print(list(od), list(od.keys()), dict(od), [k for k in od])
class Counter(dict):
    def __missing__(self, k):
        return 0
cnt = Counter()
for ch in 'hello':
    cnt[ch] += 1
print(cnt, cnt['z'], type(cnt.copy()).__name__)
